package advisor

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/optimizer"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
	"go.yaml.in/yaml/v3"
)

// licensingStates is the constant conditions see: the codes of the states that
// license laboratory personnel (states.yaml).
const licensingStates = "licensing_states"

// eligibleNowVar is the list conditions see of the credentials the person
// could sit now by a confirmed route (ids; credentials held are left out).
// It is worked out from the routes before the rules are scored, so a rule can
// say "you can sit the MLT(ASCP) exam now" only when that is true.
const eligibleNowVar = "eligible_now"

// Limits on a condition, so a counselor's expression cannot run away.
const (
	maxCondLen   = 2000 // characters
	maxCondNodes = 300  // syntax-tree nodes
	// maxCondSteps bounds the work of one evaluation of one condition, in
	// syntax-tree nodes visited, computed at load from the longest lists the
	// condition can see (about 1 ms). The built-in conditions take at most a
	// few hundred; all() nested 4 deep over 12 states takes 70,000.
	maxCondSteps = 100_000
	// maxEngineSteps bounds the work of evaluating every condition of the
	// data once, so that many conditions just under maxCondSteps cannot make
	// each report slow either. The built-in data needs about 20,000.
	maxEngineSteps = 2_000_000
)

// condBuiltins are the only expr functions a condition may call.
var condBuiltins = []string{"len", "any", "all", "none", "one", "count", "abs", "min", "max"}

// condPredicates are the builtins that take a {closure} run for each item of a list.
var condPredicates = []string{"any", "all", "none", "one", "count"}

// condOperators are the operators a condition may use.
var condOperators = []string{"==", "!=", "<", "<=", ">", ">=", "and", "or", "not", "&&", "||", "!", "in", "+", "-", "*", "/", "%"}

// condAllowed is the one line that says what a condition may use.
const condAllowed = "a condition may use question ids, licensing_states, eligible_now, numbers, \"text\", true, false, " +
	"[lists], the operators == != < <= > >= and or not in + - * / % and the functions " +
	"len, any, all, none, one, count, abs, min and max"

// condWords are names a question id cannot take: they mean something else in a condition.
var condWords = []string{licensingStates, eligibleNowVar, "and", "or", "not", "in", "true", "false", "nil",
	"let", "if", "else", "matches", "contains", "startsWith", "endsWith",
	"len", "any", "all", "none", "one", "count", "abs", "min", "max"}

// varNameProblem says why id cannot be a question id (a variable in conditions), or "".
func varNameProblem(id string) string {
	switch {
	case id == licensingStates:
		return fmt.Sprintf("the id %q is taken: it is the list of licensing states that conditions see; choose another id", id)
	case id == eligibleNowVar:
		return fmt.Sprintf("the id %q is taken: it is the list of credentials the person can sit now that conditions see; choose another id", id)
	case slices.Contains(condWords, id):
		return fmt.Sprintf("the id %q is a word of the condition language; choose another id", id)
	case !idRe.MatchString(id):
		return "an id is lower-case letters, digits and _, starting with a letter (it is a variable in conditions)"
	}
	return ""
}

// shapeEnv returns the variable types conditions are compiled against: one
// variable per question, typed by its kind, and the named constants.
func (e *Engine) shapeEnv() map[string]any {
	env := make(map[string]any, len(e.questions)+1)
	for _, q := range e.questions {
		env[q.ID] = q.zero()
	}
	env[licensingStates] = []string{}
	env[eligibleNowVar] = []string{}
	return env
}

func (e *Engine) compileOptions() []expr.Option {
	opts := []expr.Option{expr.Env(e.env), expr.AsBool(), expr.MaxNodes(maxCondNodes), expr.DisableAllBuiltins()}
	for _, b := range condBuiltins {
		opts = append(opts, expr.EnableBuiltin(b))
	}
	return opts
}

// compile compiles c (if written) and reports a problem at its position if it is
// not a valid true/false condition over known variables, uses what a condition
// may not, or could take too long to evaluate. Identical sources are compiled once.
func (e *Engine) compile(c *Cond, fileName, what string, ps *problems) {
	if c.IsZero() {
		return
	}
	prog, ok := e.progCache[c.Src]
	if !ok {
		var steps int
		var err error
		prog, steps, err = e.compileCond(c.Src)
		if err != nil {
			ps.add(fileName, c.Pos, "%s: %v", what, err)
			return
		}
		e.progCache[c.Src] = prog
		if e.conds.steps == nil {
			e.conds.steps = map[string]int{}
		}
		e.conds.steps[c.Src] = steps
	}
	// every use of a condition is evaluated, so every use counts
	e.conds.total += e.conds.steps[c.Src]
	if e.conds.total > maxEngineSteps && !e.conds.over {
		e.conds.over = true
		ps.add(fileName, c.Pos, "%s: the conditions of the data together could take more than %d steps to evaluate for one student; the limit is %d (this one takes up to %d): nest fewer any/all/none/one/count over lists",
			what, maxEngineSteps, maxEngineSteps, e.conds.steps[c.Src])
		return
	}
	c.prog = prog
}

// condBudget is what the engine knows of its conditions' cost.
type condBudget struct {
	steps map[string]int // the most steps one evaluation of each source takes
	total int            // of every condition as used in the data
	over  bool           // maxEngineSteps was passed (reported once)
}

// compileCond checks and compiles one condition: its length, its syntax, the
// allow-list (what a condition may use), its types, and the most steps it can
// take. It returns the program and that number of steps.
func (e *Engine) compileCond(src string) (*vm.Program, int, error) {
	if e.conf == nil {
		e.conf = e.newConf()
	}
	return e.compileWith(e.conf, src)
}

// newConf builds the expr configuration that conditions compile with. expr
// caches types in it as it checks, so a goroutine compiling conditions
// needs one of its own (precompile.go).
func (e *Engine) newConf() *conf.Config {
	c := conf.CreateNew()
	for _, op := range e.compileOptions() {
		op(c)
	}
	for name := range c.Disabled {
		delete(c.Builtins, name)
	}
	c.Functions[hasName] = &builtin.Function{Name: hasName, Func: hasText}
	c.Check()
	return c
}

// compileWith is compileCond with the configuration cf.
func (e *Engine) compileWith(cf *conf.Config, src string) (*vm.Program, int, error) {
	if len(src) > maxCondLen {
		return nil, 0, fmt.Errorf("condition is %d characters; the limit is %d", len(src), maxCondLen)
	}
	tree, err := parser.ParseWithConfig(src, cf)
	if err != nil {
		return nil, 0, e.condError(err)
	}
	if fe := e.allowed(tree.Node, 0); fe != nil {
		fe = fe.Bind(tree.Source)
		if strings.HasSuffix(fe.Message, " is not allowed") {
			return nil, 0, fmt.Errorf("%s %s; %s", fe.Message, at(fe), condAllowed)
		}
		return nil, 0, e.condError(fe)
	}
	if _, err := new(checker.Checker).PatchAndCheck(tree, cf); err != nil {
		return nil, 0, e.condError(err)
	}
	cw := costWalk{e: e, list: e.longestList(tree.Node)}
	steps := cw.steps(tree.Node)
	if cw.err != nil {
		return nil, 0, e.condError(cw.err.Bind(tree.Source))
	}
	if steps > maxCondSteps {
		return nil, 0, fmt.Errorf("this condition could take more than %d steps to evaluate (lists of up to %d items, nested %d deep); the limit is %d: nest fewer any/all/none/one/count over lists",
			maxCondSteps, cw.list, cw.deepest, maxCondSteps)
	}
	if cf.Optimize {
		if err := optimizer.Optimize(&tree.Node, cf); err != nil {
			var fe *file.Error
			if errors.As(err, &fe) {
				return nil, 0, e.condError(fe.Bind(tree.Source))
			}
			return nil, 0, err
		}
	}
	ast.Walk(&tree.Node, visitor(fastIn))
	prog, err := compiler.Compile(tree, cf)
	if err != nil {
		return nil, 0, e.condError(err)
	}
	return prog, steps, nil
}

// hasName is the function fastIn calls; no condition can name it (it is not
// an identifier), so it is only ever put there by fastIn.
const hasName = "\x00has"

var stringsType = reflect.TypeFor[[]string]()

// fastIn replaces `text in list` over a list of text (a multi question's
// answer, licensing_states, eligible_now) by a call of hasText, after the
// condition has been checked: expr's own `in` walks the list by reflection,
// about five times slower, and conditions run for every student of a cohort.
// A list written in the condition is left to expr, which makes it a set.
func fastIn(n *ast.Node) {
	b, ok := (*n).(*ast.BinaryNode)
	if !ok || b.Operator != "in" || b.Right.Type() != stringsType || !isText(b.Left) {
		return
	}
	call := &ast.CallNode{Callee: &ast.IdentifierNode{Value: hasName}, Arguments: []ast.Node{b.Left, b.Right}}
	call.SetType(reflect.TypeFor[bool]())
	ast.Patch(n, call)
}

// hasText reports whether the list of text args[1] holds the text args[0].
func hasText(args ...any) (any, error) {
	needle, _ := args[0].(string)
	list, _ := args[1].([]string)
	return slices.Contains(list, needle), nil
}

// notAllowed is the error for a part of a condition outside the allow-list.
func notAllowed(n ast.Node, format string, args ...any) *file.Error {
	return &file.Error{Location: n.Location(), Message: fmt.Sprintf(format, args...) + " is not allowed"}
}

// allowed walks the parsed condition and returns the first part of it that a
// condition may not use, or nil. preds is how many any/all/... closures
// enclose n. Whatever expr would otherwise accept (let, map, filter, reduce,
// matches, $env, **, method calls, ...) is refused here, by what it is, so
// that the list of what is allowed is this function and nothing else.
func (e *Engine) allowed(n ast.Node, preds int) *file.Error {
	switch n := n.(type) {
	case *ast.NilNode, *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.StringNode:
		return nil
	case *ast.IdentifierNode:
		if _, ok := e.env[n.Value]; ok {
			return nil
		}
		if strings.HasPrefix(n.Value, "$") {
			return notAllowed(n, "%q", n.Value)
		}
		names := append(e.questionIDs(), licensingStates, eligibleNowVar)
		return &file.Error{Location: n.Location(), Message: fmt.Sprintf("unknown variable %s%s; variables are question ids, %s and %s",
			echo(n.Value), didYouMean(n.Value, names), licensingStates, eligibleNowVar)}
	case *ast.UnaryNode:
		if !slices.Contains(condOperators, n.Operator) {
			return notAllowed(n, "the operator %q", n.Operator)
		}
		return e.allowed(n.Node, preds)
	case *ast.BinaryNode:
		switch op := n.Operator; {
		case op == "**" || op == "^":
			return notAllowed(n, "the power operator %q", op)
		case op == "matches":
			return notAllowed(n, "matches (a regular expression)")
		case op == "..":
			return notAllowed(n, "a range (a..b)")
		case !slices.Contains(condOperators, op):
			return notAllowed(n, "the operator %q", op)
		}
		if fe := e.allowed(n.Left, preds); fe != nil {
			return fe
		}
		return e.allowed(n.Right, preds)
	case *ast.ArrayNode:
		for _, c := range n.Nodes {
			if fe := e.allowed(c, preds); fe != nil {
				return fe
			}
		}
		return nil
	case *ast.BuiltinNode:
		if !slices.Contains(condBuiltins, n.Name) {
			return notAllowed(n, "the function %q", n.Name)
		}
		for _, a := range n.Arguments {
			inner := preds
			if _, isClosure := a.(*ast.PredicateNode); isClosure {
				if !slices.Contains(condPredicates, n.Name) {
					return notAllowed(a, "a {closure} in %s", n.Name)
				}
				inner++
			}
			if fe := e.allowed(a, inner); fe != nil {
				return fe
			}
		}
		return nil
	case *ast.PredicateNode:
		return e.allowed(n.Node, preds)
	case *ast.PointerNode:
		if preds == 0 {
			return notAllowed(n, "# outside the {closure} of any, all, none, one or count")
		}
		if n.Name != "" {
			return notAllowed(n, "#%s (use # for the item)", n.Name)
		}
		return nil
	case *ast.CallNode:
		if m, ok := n.Callee.(*ast.MemberNode); ok {
			if fe := e.allowed(m.Node, preds); fe != nil {
				return fe
			}
		}
		if id, ok := n.Callee.(*ast.IdentifierNode); ok {
			return notAllowed(n, "the function %s%s", echo(id.Value), didYouMean(id.Value, condBuiltins))
		}
		return notAllowed(n, "calling a method")
	case *ast.MemberNode:
		if fe := e.allowed(n.Node, preds); fe != nil {
			return fe
		}
		return notAllowed(n, "a field or an index (x.y, x[i])")
	case *ast.SliceNode:
		return notAllowed(n, "a slice (x[i:j])")
	case *ast.ChainNode:
		return notAllowed(n, "optional chaining (?.)")
	case *ast.ConditionalNode:
		return notAllowed(n, "a conditional (a ? b : c, if/else)")
	case *ast.VariableDeclaratorNode:
		return notAllowed(n, "let")
	case *ast.SequenceNode:
		return notAllowed(n, "more than one expression (;)")
	case *ast.MapNode, *ast.PairNode:
		return notAllowed(n, "a map ({key: value})")
	case *ast.BytesNode:
		return notAllowed(n, "a byte string")
	}
	return notAllowed(n, "%T", n)
}

// longestList returns the most items any list a condition can see may hold:
// a multi question's options (an answer holds each at most once), the
// licensing states, or a [list] written in the condition. Once let, map,
// ranges and the like are refused, no other list can be built.
func (e *Engine) longestList(n ast.Node) int {
	longest := max(len(e.licensing), len(e.credentials))
	for _, q := range e.questions {
		if q.Kind == KindMulti {
			longest = max(longest, len(q.Options))
		}
	}
	ast.Walk(&n, visitor(func(n *ast.Node) {
		if a, ok := (*n).(*ast.ArrayNode); ok {
			longest = max(longest, len(a.Nodes))
		}
	}))
	return max(longest, 1)
}

// costWalk bounds the steps one evaluation of a type-checked condition takes:
// each node costs one, an any/all/none/one/count costs its closure once per
// item of its list, and a comparison or function over a list costs the list.
// It also refuses joining text with +, the one allowed operator whose result
// could grow.
type costWalk struct {
	e       *Engine
	list    int // the longest list any node can be
	depth   int // closures enclosing the node being walked
	deepest int
	err     *file.Error
}

func (w *costWalk) steps(n ast.Node) int {
	switch n := n.(type) {
	case *ast.UnaryNode:
		return satAdd(1, w.steps(n.Node))
	case *ast.BinaryNode:
		if n.Operator == "+" && isText(n.Left) && w.err == nil {
			w.err = &file.Error{Location: n.Location(), Message: "joining text with + is not allowed; compare each part instead"}
		}
		s := satAdd(1, satAdd(w.steps(n.Left), w.steps(n.Right)))
		if n.Operator == "in" || n.Operator == "==" || n.Operator == "!=" {
			s = satAdd(s, w.list)
		}
		return s
	case *ast.ArrayNode:
		s := 1
		for _, c := range n.Nodes {
			s = satAdd(s, w.steps(c))
		}
		return s
	case *ast.BuiltinNode:
		if len(n.Arguments) == 2 {
			if p, ok := n.Arguments[1].(*ast.PredicateNode); ok {
				w.depth++
				w.deepest = max(w.deepest, w.depth)
				body := w.steps(p.Node)
				w.depth--
				return satAdd(satAdd(1, w.steps(n.Arguments[0])), satMul(w.listLen(n.Arguments[0]), satAdd(body, 2)))
			}
		}
		s := satAdd(1, w.list)
		for _, a := range n.Arguments {
			s = satAdd(s, w.steps(a))
		}
		return s
	case *ast.PredicateNode:
		return w.steps(n.Node)
	}
	return 1
}

// listLen is the most items the list n can hold.
func (w *costWalk) listLen(n ast.Node) int {
	switch n := n.(type) {
	case *ast.ArrayNode:
		return len(n.Nodes)
	case *ast.IdentifierNode:
		if n.Value == licensingStates {
			return len(w.e.licensing)
		}
		if n.Value == eligibleNowVar {
			return len(w.e.credentials)
		}
		if q := w.e.question(n.Value); q != nil && q.Kind == KindMulti {
			return len(q.Options)
		}
	}
	return w.list
}

func isText(n ast.Node) bool {
	t := n.Type()
	return t != nil && t.Kind() == reflect.String
}

// satAdd and satMul add and multiply step counts without overflowing: any
// count above saturate is over every limit anyway.
func satAdd(a, b int) int { return min(a+b, saturate) }

func satMul(a, b int) int {
	if a != 0 && b > saturate/a {
		return saturate
	}
	return min(a*b, saturate)
}

var unknownNameRe = regexp.MustCompile(`^unknown name (\S+)`)

// condError turns an expr compile error into one error a data author can act on.
func (e *Engine) condError(err error) error {
	var fe *file.Error
	if !errors.As(err, &fe) {
		msg := err.Error()
		if strings.HasPrefix(msg, "expected bool") {
			return errors.New("a condition must be true or false, but this " + strings.TrimPrefix(msg, "expected bool, but "))
		}
		return errors.New(msg)
	}
	msg := fe.Message
	if sm := unknownNameRe.FindStringSubmatch(msg); sm != nil {
		names := append(e.questionIDs(), licensingStates, eligibleNowVar)
		msg = fmt.Sprintf("unknown variable %s%s; variables are question ids, %s and %s", echo(sm[1]), didYouMean(sm[1], names), licensingStates, eligibleNowVar)
	}
	return fmt.Errorf("%s %s", msg, at(fe))
}

// at says where in a condition an error is.
func at(fe *file.Error) string {
	if fe.Line > 1 {
		return fmt.Sprintf("(at line %d, column %d of the condition)", fe.Line, fe.Column+1)
	}
	return fmt.Sprintf("(at column %d of the condition)", fe.Column+1)
}

// CompileCondition checks a condition written by a counselor against this
// engine's variables, the allow-list and the evaluation budget, exactly as the
// loader does, and returns the error, if any.
func (e *Engine) CompileCondition(src string) error {
	_, _, err := e.compileCond(src)
	return err
}

// EvalCondition compiles src as the loader does and evaluates it on answers
// (defaults for the rest). It returns an error if src does not compile or
// fails while it runs (a division by zero, say). It is for tools and tests;
// the engine compiles its own conditions at load.
func (e *Engine) EvalCondition(src string, a Answers) (bool, error) {
	prog, _, err := e.compileCond(src)
	if err != nil {
		return false, err
	}
	var m vm.VM
	return evalErr(&m, &Cond{Src: src, prog: prog}, e.envFor(a))
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
// (a division by zero, say; none is expected after type-checking) counts as
// not holding. Every condition was bounded at load (compileCond), so a run
// cannot take long; the VM's memory budget is a second guard.
func eval(m *vm.VM, c *Cond, env map[string]any) bool {
	ok, _ := evalErr(m, c, env)
	return ok
}

// condMemory is the VM's memory budget for one evaluation, in expr's units
// (about one per list item it builds); conditions build only small [lists].
const condMemory = 100_000

func evalErr(m *vm.VM, c *Cond, env map[string]any) (bool, error) {
	if c.prog == nil {
		return true, nil
	}
	m.MemoryBudget = condMemory
	out, err := m.Run(c.prog, env)
	if err != nil {
		return false, err
	}
	b, _ := out.(bool)
	return b, nil
}

// convert checks one YAML value against a question and returns it typed:
// string for choice, []string for multi, int for number and scale (float64
// for a fraction where a number question allows decimals), bool for yesno.
// The message says what is allowed when it does not fit.
func (e *Engine) convert(q *Question, n *yaml.Node) (any, string) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch q.Kind {
	case KindChoice:
		if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
			return nil, fmt.Sprintf("expected one of %s", quoteList(q.optionValues()))
		}
		v, ok := q.optionFor(n.Value)
		if !ok {
			return nil, fmt.Sprintf("%s is not an option%s; allowed: %s", echo(n.Value), didYouMean(n.Value, q.optionValues()), quoteList(q.optionValues()))
		}
		return v, ""
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
			v, ok := q.optionFor(c.Value)
			if !ok {
				return nil, fmt.Sprintf("%s is not an option%s; allowed: %s", echo(c.Value), didYouMean(c.Value, q.optionValues()), quoteList(q.optionValues()))
			}
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
		return out, ""
	case KindNumber, KindScale:
		if q.skippable() && n.Kind == yaml.ScalarNode && isSkipText(n.Value) {
			return 0, ""
		}
		lo, hi := q.Bounds() // a question missing its bounds is reported at load
		// YAML tags a number too large for a float64 (1e999) as text; a
		// plain (unquoted) one is still a number, out of bounds
		plainNumber := n.Tag == "!!str" && n.Style == 0
		if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float" && !plainNumber) {
			return nil, fmt.Sprintf("expected %s%s, got %s", q.NumberRule(), q.skipWords(), describeNode(n))
		}
		v, _, p := q.numberFrom(n.Value) // the one number reader (kind.go)
		switch p {
		case numberOK:
			return v, ""
		case numberTooSmall, numberTooLarge:
			return nil, fmt.Sprintf("%s is out of bounds; allowed: %d to %d%s", clip(n.Value, maxEcho), lo, hi, q.skipWords())
		case numberNotRead:
			if !plainNumber {
				return nil, fmt.Sprintf("expected %s in decimal digits%s, got %s", q.NumberRule(), q.skipWords(), describeNode(n))
			}
		}
		return nil, fmt.Sprintf("expected %s%s, got %s", q.NumberRule(), q.skipWords(), describeNode(n))
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
	return nil, "unknown question kind " + string(q.Kind)
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
	return echo(n.Value)
}

// numForm says what the text of a number is.
type numForm int

const (
	numNotDecimal numForm = iota // not a number in decimal digits: 0x10, 0o17, .inf, text
	numWhole                     // a whole number that fits in an int64
	numFraction                  // a number with a fractional part
	numTooBig                    // a whole number beyond an int64
)

// parseDecimal reads a number written in decimal: an optional sign, digits
// (with optional _ between them), an optional .fraction and an optional
// exponent. A leading zero is decimal, so 010 is ten, never eight as in YAML
// 1.1 or Go's base prefixes; 0x, 0o and 0b forms are not decimal. It works on
// the digits, not on a float64, so 4999.9999999999999999 is a fraction, not
// 5000, and 2^63 is too big, not "not a number".
func parseDecimal(s string) (int64, numForm) {
	s = strings.ReplaceAll(s, "_", "")
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	mant, exp := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, exp = s[:i], s[i+1:]
	}
	whole, frac := mant, ""
	if i := strings.IndexByte(mant, '.'); i >= 0 {
		whole, frac = mant[:i], mant[i+1:]
	}
	if whole+frac == "" || !isDigits(whole) || !isDigits(frac) {
		return 0, numNotDecimal
	}
	shift := 0 // the value is digits × 10^shift
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		sign := 1
		if exp != "" && (exp[0] == '+' || exp[0] == '-') {
			if exp[0] == '-' {
				sign = -1
			}
			exp = exp[1:]
		}
		if exp == "" || !isDigits(exp) {
			return 0, numNotDecimal
		}
		exp = strings.TrimLeft(exp, "0")
		if len(exp) > 7 {
			exp = "9999999" // far beyond any digits a 1 MiB file can hold
		}
		e, _ := strconv.Atoi("0" + exp)
		shift = sign * e
	}
	digits := strings.TrimLeft(whole+frac, "0")
	if digits == "" {
		return 0, numWhole
	}
	shift -= len(frac)
	trimmed := strings.TrimRight(digits, "0")
	shift += len(digits) - len(trimmed)
	digits = trimmed
	switch {
	case shift < 0:
		return 0, numFraction
	case len(digits)+shift > 19:
		return 0, numTooBig
	}
	u, err := strconv.ParseUint(digits+strings.Repeat("0", shift), 10, 64)
	switch {
	case err != nil, !neg && u > math.MaxInt64, neg && u > 1<<63:
		return 0, numTooBig
	case neg:
		return int64(-u), numWhole
	}
	return int64(u), numWhole
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func (q *Question) optionValues() []string {
	out := make([]string, len(q.Options))
	for i, o := range q.Options {
		out[i] = o.Value
	}
	return out
}

// optionFor returns the option value that v names: the value itself, or,
// in any case, the value, the option's label, its short label (before a
// colon), or an alias (a credential's name as its body writes it, such as
// MLT(ASCP)). So state: ny, state: New York and MLT(ASCP) are understood.
func (q *Question) optionFor(v string) (string, bool) {
	for _, o := range q.Options {
		if o.Value == v {
			return o.Value, true
		}
	}
	t := strings.TrimSpace(v)
	if t == "" {
		return "", false
	}
	for _, o := range q.Options {
		if strings.EqualFold(o.Value, t) || strings.EqualFold(o.Label, t) || strings.EqualFold(ShortLabel(o.Label), t) ||
			slices.ContainsFunc(o.aliases, func(a string) bool { return strings.EqualFold(a, t) }) {
			return o.Value, true
		}
	}
	return "", false
}
