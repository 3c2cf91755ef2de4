package advisor

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/optimizer"
	"github.com/expr-lang/expr/vm"
	"go.yaml.in/yaml/v3"
)

// licensingStates is the constant conditions see: the codes of the states that
// license laboratory personnel (states.yaml).
const licensingStates = "licensing_states"

// Limits on a condition, so a counselor's expression cannot run away.
const (
	maxCondLen   = 2000 // characters
	maxCondNodes = 300  // syntax-tree nodes
)

// condBuiltins are the only expr functions a condition may call.
var condBuiltins = []string{"len", "any", "all", "none", "one", "count", "abs", "min", "max"}

// shapeEnv returns the variable types conditions are compiled against: one
// variable per question, typed by its kind, and the named constants.
func (e *Engine) shapeEnv() map[string]any {
	env := make(map[string]any, len(e.questions)+1)
	for _, q := range e.questions {
		env[q.ID] = zeroOf(q.Kind)
	}
	env[licensingStates] = []string{}
	return env
}

func zeroOf(kind string) any {
	switch kind {
	case KindMulti:
		return []string{}
	case KindNumber, KindScale:
		return 0
	case KindYesNo:
		return false
	}
	return ""
}

func (e *Engine) compileOptions() []expr.Option {
	opts := []expr.Option{expr.Env(e.env), expr.AsBool(), expr.MaxNodes(maxCondNodes), expr.DisableAllBuiltins()}
	for _, b := range condBuiltins {
		opts = append(opts, expr.EnableBuiltin(b))
	}
	return opts
}

// compile compiles c (if written) and reports a problem at its position if it is
// not a valid true/false condition over known variables. Identical sources are
// compiled once.
func (e *Engine) compile(c *Cond, fileName, what string, ps *problems) {
	if c.IsZero() {
		return
	}
	if prog, ok := e.progCache[c.Src]; ok {
		c.prog = prog
		return
	}
	if msg := e.checkCond(c.Src); msg != "" {
		ps.add(fileName, c.Pos, "%s: %s", what, msg)
		return
	}
	prog, err := e.compileSrc(c.Src)
	if err != nil {
		ps.add(fileName, c.Pos, "%s: %s", what, e.condError(err))
		return
	}
	e.progCache[c.Src] = prog
	c.prog = prog
}

// compileSrc is expr.Compile with one configuration built once and reused:
// building it (the variable types, the builtin table) cost more than
// compiling a short condition, and the loader compiles a hundred or more.
func (e *Engine) compileSrc(src string) (*vm.Program, error) {
	if e.conf == nil {
		c := conf.CreateNew()
		for _, op := range e.compileOptions() {
			op(c)
		}
		for name := range c.Disabled {
			delete(c.Builtins, name)
		}
		c.Check()
		e.conf = c
	}
	tree, err := checker.ParseCheck(src, e.conf)
	if err != nil {
		return nil, err
	}
	if e.conf.Optimize {
		if err := optimizer.Optimize(&tree.Node, e.conf); err != nil {
			var fe *file.Error
			if errors.As(err, &fe) {
				return nil, fe.Bind(tree.Source)
			}
			return nil, err
		}
	}
	return compiler.Compile(tree, e.conf)
}

// checkCond refuses conditions that are too long before compiling them.
func (e *Engine) checkCond(src string) string {
	if len(src) > maxCondLen {
		return fmt.Sprintf("condition is %d characters; the limit is %d", len(src), maxCondLen)
	}
	return ""
}

var unknownNameRe = regexp.MustCompile(`^unknown name (\S+)`)

// condError turns an expr compile error into one line a data author can act on.
func (e *Engine) condError(err error) string {
	var fe *file.Error
	if !errors.As(err, &fe) {
		msg := err.Error()
		if strings.HasPrefix(msg, "expected bool") {
			return "a condition must be true or false, but this " + strings.TrimPrefix(msg, "expected bool, but ")
		}
		return msg
	}
	msg := fe.Message
	if sm := unknownNameRe.FindStringSubmatch(msg); sm != nil {
		names := append(e.questionIDs(), licensingStates)
		msg = fmt.Sprintf("unknown variable %q%s; variables are question ids and %s", sm[1], didYouMean(sm[1], names), licensingStates)
	}
	return fmt.Sprintf("%s (at column %d of the condition)", msg, fe.Column+1)
}

// CompileCondition checks a condition written by a counselor against this
// engine's variables and returns the compile error, if any.
func (e *Engine) CompileCondition(src string) error {
	if msg := e.checkCond(src); msg != "" {
		return errors.New(msg)
	}
	if _, err := expr.Compile(src, e.compileOptions()...); err != nil {
		return errors.New(e.condError(err))
	}
	return nil
}

// EvalCondition compiles src and evaluates it on answers (defaults for the
// rest). A condition that fails to compile or errors at run time is false.
// It is for tools and tests; the engine compiles its own conditions at load.
func (e *Engine) EvalCondition(src string, a Answers) bool {
	if e.checkCond(src) != "" {
		return false
	}
	prog, err := e.compileSrc(src)
	if err != nil {
		return false
	}
	var m vm.VM
	return eval(&m, &Cond{Src: src, prog: prog}, e.envFor(a))
}

// reads lists the question ids a condition reads, in order of first use.
func (e *Engine) reads(prog *vm.Program) []string {
	var out []string
	node := prog.Node()
	ast.Walk(&node, visitor(func(n *ast.Node) {
		if id, ok := (*n).(*ast.IdentifierNode); ok {
			if _, isQ := e.questionIndex[id.Value]; isQ && !slices.Contains(out, id.Value) {
				out = append(out, id.Value)
			}
		}
	}))
	return out
}

// usesName reports whether a condition reads the variable name.
func usesName(prog *vm.Program, name string) bool {
	found := false
	node := prog.Node()
	ast.Walk(&node, visitor(func(n *ast.Node) {
		if id, ok := (*n).(*ast.IdentifierNode); ok && id.Value == name {
			found = true
		}
	}))
	return found
}

type visitor func(*ast.Node)

func (v visitor) Visit(n *ast.Node) { v(n) }

// eval runs a compiled condition; a missing condition holds. A runtime error
// (none is expected after type-checking) counts as not holding.
func eval(m *vm.VM, c *Cond, env map[string]any) bool {
	if c.prog == nil {
		return true
	}
	out, err := m.Run(c.prog, env)
	if err != nil {
		return false
	}
	b, _ := out.(bool)
	return b
}

// convert checks one YAML value against a question and returns it typed:
// string for choice, []string for multi, int for number and scale, bool for
// yesno. The message says what is allowed when it does not fit.
func (e *Engine) convert(q *Question, n *yaml.Node) (any, string) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch q.Kind {
	case KindChoice:
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			return nil, fmt.Sprintf("expected one of %s", quoteList(q.optionValues()))
		}
		if !q.hasOption(n.Value) {
			return nil, fmt.Sprintf("%q is not an option%s; allowed: %s", n.Value, didYouMean(n.Value, q.optionValues()), quoteList(q.optionValues()))
		}
		return n.Value, ""
	case KindMulti:
		if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
			return []string{}, ""
		}
		if n.Kind != yaml.SequenceNode {
			return nil, fmt.Sprintf("expected a list such as [%s]; allowed values: %s", q.Options[0].Value, quoteList(q.optionValues()))
		}
		out := make([]string, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return nil, "expected a list of plain values"
			}
			if !q.hasOption(c.Value) {
				return nil, fmt.Sprintf("%q is not an option%s; allowed: %s", c.Value, didYouMean(c.Value, q.optionValues()), quoteList(q.optionValues()))
			}
			if !slices.Contains(out, c.Value) {
				out = append(out, c.Value)
			}
		}
		return out, ""
	case KindNumber, KindScale:
		lo, hi := math.MinInt32, math.MaxInt32 // a question missing its bounds is reported at load
		if q.Min != nil && q.Max != nil {
			lo, hi = *q.Min, *q.Max
		}
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
			return nil, fmt.Sprintf("expected a whole number from %d to %d, got %s", lo, hi, describeNode(n))
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if n.Tag == "!!int" {
			var i int64
			i, err = strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
			f = float64(i)
		}
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f != math.Trunc(f) {
			return nil, fmt.Sprintf("expected a whole number from %d to %d, got %s", lo, hi, describeNode(n))
		}
		if f < float64(lo) || f > float64(hi) {
			return nil, fmt.Sprintf("%s is out of bounds; allowed: %d to %d", n.Value, lo, hi)
		}
		return int(f), ""
	case KindYesNo:
		if n.Kind == yaml.ScalarNode {
			switch strings.ToLower(n.Value) {
			case "true", "yes", "y":
				return true, ""
			case "false", "no", "n":
				return false, ""
			}
		}
		return nil, fmt.Sprintf("expected yes or no (true or false), got %s", describeNode(n))
	}
	return nil, "unknown question kind " + q.Kind
}

func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	}
	if n.Tag == "!!null" {
		return "nothing"
	}
	v := n.Value
	if len(v) > 40 {
		v = v[:40] + "..."
	}
	return strconv.Quote(v)
}

func (q *Question) optionValues() []string {
	out := make([]string, len(q.Options))
	for i, o := range q.Options {
		out[i] = o.Value
	}
	return out
}

func (q *Question) hasOption(v string) bool {
	for _, o := range q.Options {
		if o.Value == v {
			return true
		}
	}
	return false
}
