package advisor

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/vm"
)

// minPrecompile is the fewest distinct conditions worth compiling in parallel.
const minPrecompile = 16

// precompile compiles the data's distinct conditions on every CPU before
// link walks them one by one, so that compile finds them in progCache. It
// is only faster, never different: compiling a condition reads the engine
// and writes nothing, each worker has its own expr configuration (expr
// caches types in it as it checks), and a condition that does
// not compile is left for compile to compile again and report at each place
// it is used. A condition kind it does not gather is simply compiled by
// compile, one at a time.
func (e *Engine) precompile() {
	workers := min(runtime.GOMAXPROCS(0), 4)
	if workers < 2 {
		return
	}
	srcs := e.condSources()
	if len(srcs) < minPrecompile {
		return
	}

	type compiled struct {
		prog  *vm.Program
		steps int
		err   error
	}
	out := make([]compiled, len(srcs))
	var next atomic.Int64
	work := func(cf *conf.Config) {
		for {
			i := int(next.Add(1) - 1)
			if i >= len(srcs) {
				return
			}
			prog, steps, err := e.compileWith(cf, srcs[i])
			out[i] = compiled{prog, steps, err}
		}
	}
	var wg sync.WaitGroup
	for range workers - 1 {
		wg.Go(func() { work(e.newConf()) })
	}
	if e.conf == nil {
		e.conf = e.newConf()
	}
	work(e.conf)
	wg.Wait()
	if e.conds.steps == nil {
		e.conds.steps = make(map[string]int, len(srcs))
	}
	for i, c := range out {
		if c.err == nil {
			e.progCache[srcs[i]] = c.prog
			e.conds.steps[srcs[i]] = c.steps
		}
	}
}

// condSources lists the distinct sources of the data's conditions.
// TestPrecompileGathersEveryCondition fails when link compiles a condition
// this does not list.
func (e *Engine) condSources() []string {
	seen := map[string]bool{}
	var srcs []string
	add := func(c *Cond) {
		if c.Src != "" && !seen[c.Src] {
			seen[c.Src] = true
			srcs = append(srcs, c.Src)
		}
	}
	for _, q := range e.questions {
		add(&q.ShowIf)
	}
	for _, c := range e.credentials {
		for i := range c.Routes {
			for j := range c.Routes[i].Requires {
				add(&c.Routes[i].Requires[j].When)
			}
		}
	}
	for _, p := range e.paths {
		for i := range p.Gates {
			add(&p.Gates[i].When)
		}
		for i := range p.Steps {
			add(&p.Steps[i].When)
			add(&p.Steps[i].SkipIf)
		}
		add(&p.CurrentIf)
	}
	add(&e.currentLast)
	for _, r := range e.rules {
		add(&r.When)
	}
	for _, f := range e.funding {
		add(&f.When)
	}
	return srcs
}
