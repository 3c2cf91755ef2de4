package advisor

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Limits on what a data or answers file may hold. They keep a hostile or broken
// file from using unbounded memory or time.
const (
	MaxFileSize = 1 << 20 // bytes in one YAML or JSON file
	maxDepth    = 64      // nesting of mappings and lists
	maxAliases  = 100     // alias uses in one file
	// maxMapKeys bounds the keys of one mapping. yaml.v3 checks a mapping's
	// keys for duplicates pair by pair when it decodes it, so 49,000 keys
	// (a 490 KB file) took 12 s; the largest mapping medpath reads (an
	// answers file) has a few dozen.
	maxMapKeys = 1000
)

var lineRe = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// parseYAML parses one file into a document node, reporting syntax errors and
// refusing oversized, too deeply nested or alias-heavy input.
func parseYAML(name string, b []byte, ps *problems) *yaml.Node {
	return parseYAMLIn(name, b, nil, ps)
}

// parseYAMLIn is parseYAML counting the file's size against its layer's budget.
func parseYAMLIn(name string, b []byte, lb *layerBudget, ps *problems) *yaml.Node {
	if len(b) > MaxFileSize {
		ps.add(name, Pos{}, "file is %d bytes; the limit is %d (1 MiB)", len(b), MaxFileSize)
		return nil
	}
	if !checkEncoding(name, b, ps) {
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil && !errors.Is(err, io.EOF) {
		addYAMLError(name, err, ps)
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		ps.add(name, Pos{}, "file is empty")
		return nil
	}
	root := doc.Content[0]
	sh := shape{name: name, ps: ps, anchors: map[*yaml.Node]int{}}
	if !sh.check(root, 0) {
		return nil
	}
	if sh.nodes > maxFileNodes {
		ps.add(name, Pos{}, "file holds %d values (aliases expanded); the limit is %d", sh.nodes, maxFileNodes)
		return nil
	}
	if sh.bytes > maxFileExpanded {
		ps.add(name, Pos{}, "file holds %d bytes of keys and values (aliases expanded); the limit is %d (4 MiB)", sh.bytes, maxFileExpanded)
		return nil
	}
	if m := sh.bigMap; m != nil {
		ps.add(name, posOf(m), "a mapping of %d keys; the limit is %d (is this the right file?)", len(m.Content)/2, maxMapKeys)
		return nil
	}
	if !lb.take(name, sh.nodes, sh.bytes, ps) {
		return nil
	}
	// A second document would be ignored by the decoder; say so instead.
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		addYAMLError(name, err, ps)
		return nil
	case len(next.Content) > 0 && !isNull(next.Content[0]):
		ps.add(name, posOf(next.Content[0]), "a second YAML document (after ---); a file holds one document: remove the --- line or move the rest to another file")
		return nil
	}
	return root
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// shape walks a parsed file once, enforcing the depth and alias limits and
// counting the size it has once every alias is expanded. An anchored node's
// size is counted once and reused at every alias, so the walk itself stays
// linear in the file while the count is what a decoder would build.
type shape struct {
	name    string
	ps      *problems
	aliases int
	nodes   int // values, aliases expanded (saturates above the limits)
	bytes   int // bytes of keys and values, aliases expanded (saturates likewise)
	// anchors maps an anchored node to its expanded size once known;
	// -1 while it is being walked (an alias to it then is a cycle).
	anchors map[*yaml.Node]int
	sizes   map[*yaml.Node]int // expanded bytes of an anchored node
	badText bool               // a scalar holds characters text may not hold
	bigMap  *yaml.Node         // the first mapping of more than maxMapKeys keys
}

// saturate keeps a count from overflowing: anything above it is over every limit.
const saturate = 1 << 40

func (sh *shape) check(n *yaml.Node, depth int) bool {
	nodes, bytes, ok := sh.walk(n, depth, false)
	sh.nodes, sh.bytes = nodes, bytes
	return ok && !sh.badText
}

// labelKeys are the keys whose text is one line: names, titles and labels,
// which medpath writes into comments and table cells.
var labelKeys = map[string]bool{"id": true, "title": true, "label": true, "prompt": true, "name": true,
	"value": true, "unit": true, "scale_labels": true, "route": true, "code": true, "publisher": true,
	"level": true, "section": true, "kind": true, "body": true, "credential": true}

// checkText refuses a scalar whose text a terminal, a comment or a table
// would misread: control characters (escape sequences among them), U+2028
// and U+2029, bidirectional overrides, and in a label any line break. The
// problems are added; the walk goes on, so every such place is listed.
func (sh *shape) checkText(n *yaml.Node, label bool) {
	r, why, bad := badTextRune(n.Value, !label)
	if !bad {
		return
	}
	switch {
	case label && IsLineBreak(r):
		sh.ps.add(sh.name, posOf(n), "a name, title or label is one line: %s holds %s %s; write it on one line", echo(n.Value), why, runeName(r))
	case IsLineBreak(r):
		sh.ps.add(sh.name, posOf(n), "%s %s is not allowed in text: YAML and editors read it as the end of a line; remove it", why, runeName(r))
	case isBidiControl(r):
		sh.ps.add(sh.name, posOf(n), "%s %s is not allowed in text: it shows the text around it in another order than it is stored; remove it", why, runeName(r))
	default:
		sh.ps.add(sh.name, posOf(n), "%s %s is not allowed in text; remove it (medpath never prints escape codes or control characters)", why, runeName(r))
	}
	sh.badText = true
}

// walk returns the expanded node and byte counts of n; label says n is the
// value of a label key (or a key itself), so its text must be one line.
func (sh *shape) walk(n *yaml.Node, depth int, label bool) (nodes, size int, ok bool) {
	if depth > maxDepth {
		sh.ps.add(sh.name, posOf(n), "nested more than %d levels deep", maxDepth)
		return 0, 0, false
	}
	if n.Kind == yaml.AliasNode {
		sh.aliases++
		if sh.aliases > maxAliases {
			sh.ps.add(sh.name, posOf(n), "more than %d aliases (*name); write the values out", maxAliases)
			return 0, 0, false
		}
		if n.Alias == nil {
			return 1, 0, true
		}
		if label && n.Alias.Kind == yaml.ScalarNode {
			sh.checkText(n.Alias, true) // checked as a label where it is used
		}
		switch c, seen := sh.anchors[n.Alias]; {
		case seen && c < 0:
			sh.ps.add(sh.name, posOf(n), "alias *%s is used inside its own anchor", clip(n.Value, maxEcho))
			return 0, 0, false
		case seen:
			return c, sh.sizes[n.Alias], true
		}
		// an alias before its anchor is walked cannot happen in YAML, but count it anyway
		return sh.walk(n.Alias, depth, label)
	}
	if n.Anchor != "" {
		if c, seen := sh.anchors[n]; seen && c >= 0 {
			return c, sh.sizes[n], true
		}
		sh.anchors[n] = -1
		if sh.sizes == nil {
			sh.sizes = map[*yaml.Node]int{}
		}
	}
	nodes, size = 1, len(n.Value)+len(n.Tag)
	if n.Kind == yaml.ScalarNode {
		sh.checkText(n, label)
	}
	if n.Kind == yaml.MappingNode && len(n.Content)/2 > maxMapKeys && sh.bigMap == nil {
		sh.bigMap = n // said after the size limits, which say more
	}
	for i, c := range n.Content {
		childLabel := n.Kind == yaml.SequenceNode && label // scale_labels: [a, b]
		if n.Kind == yaml.MappingNode && i%2 == 0 {
			if k := c; k.Kind != yaml.ScalarNode && k.Kind != yaml.AliasNode {
				sh.ps.add(sh.name, posOf(k), "a key must be plain text, not %s", describeNode(k))
				return 0, 0, false
			}
			childLabel = true
		}
		if n.Kind == yaml.MappingNode && i%2 == 1 {
			childLabel = labelKeys[n.Content[i-1].Value]
		}
		cn, cs, ok := sh.walk(c, depth+1, childLabel)
		if !ok {
			return 0, 0, false
		}
		nodes, size = min(nodes+cn, saturate), min(size+cs, saturate)
	}
	if n.Anchor != "" {
		sh.anchors[n], sh.sizes[n] = nodes, size
	}
	return nodes, size, true
}

// checkEncoding refuses what is not UTF-8 YAML text, saying where and, when it
// can tell, what the file is instead. yaml.v3's own message names no line.
func checkEncoding(name string, b []byte, ps *problems) bool {
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		ps.add(name, Pos{}, "not valid UTF-8 text: the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8")
		return false
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		if looksUTF16(b) {
			ps.add(name, Pos{}, "not valid UTF-8 text: the file looks like UTF-16 (every other byte is 0); save it as UTF-8")
		} else {
			ps.add(name, textPos(b, i), "not valid UTF-8 text: a NUL byte (byte offset %d); this may be a binary file", i)
		}
		return false
	}
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			ps.add(name, textPos(b, i), "not valid UTF-8 text: byte 0x%02X (byte offset %d); save the file as UTF-8 (it may be Latin-1 or Windows-1252)", b[i], i)
			return false
		case !yamlPrintable(r):
			ps.add(name, textPos(b, i), "control character %U is not allowed in YAML; remove it (to write it in a value, use a double-quoted string with an escape such as \t)", r)
			return false
		}
		i += size
	}
	return true
}

// yamlPrintable is the character set YAML allows in a file (YAML 1.2 §5.1),
// as yaml.v3 checks it.
func yamlPrintable(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || (r >= 0x20 && r <= 0x7E) || r == 0x85 ||
		(r >= 0xA0 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// looksUTF16 reports whether b reads as mostly ASCII text in UTF-16: a zero
// in every other byte of its start.
func looksUTF16(b []byte) bool {
	n := min(len(b), 64) &^ 1
	if n < 2 {
		return false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	return even*4 >= n*3/2 || odd*4 >= n*3/2
}

// textPos returns the line and column (in characters) of byte offset i.
func textPos(b []byte, i int) Pos {
	line := 1 + bytes.Count(b[:i], []byte{'\n'})
	start := bytes.LastIndexByte(b[:i], '\n') + 1
	return Pos{Line: line, Col: 1 + utf8.RuneCount(b[start:i])}
}

// addYAMLError turns a yaml.v3 error into problems with line numbers.
func addYAMLError(name string, err error, ps *problems) {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, m := range msgs {
		if ps.overflow(name) {
			continue // counted, not described
		}
		m = strings.TrimPrefix(m, "yaml: ")
		if sm := lineRe.FindStringSubmatch(m); sm != nil {
			line, _ := strconv.Atoi(sm[1])
			ps.add(name, Pos{Line: line}, "%s", friendlyYAML(sm[2]))
			continue
		}
		ps.add(name, Pos{}, "%s", friendlyYAML(m))
	}
}

var unmarshalRe = regexp.MustCompile("^cannot unmarshal !!(\\w+) `(.*)` into (.*)$")

// friendlyYAML rewrites yaml.v3's Go-flavoured type errors in plain words.
func friendlyYAML(m string) string {
	sm := unmarshalRe.FindStringSubmatch(m)
	if sm == nil {
		return m
	}
	want := sm[3]
	switch {
	case strings.HasPrefix(want, "int"), strings.HasPrefix(want, "float"):
		want = "a number"
	case want == "string":
		want = "text"
	case want == "bool":
		want = "true or false"
	case strings.HasPrefix(want, "[]"):
		want = "a list"
	case strings.HasPrefix(want, "map"), strings.HasPrefix(want, "advisor."):
		want = "a mapping (key: value lines)"
	}
	got := map[string]string{"str": "text", "int": "a number", "float": "a number", "bool": "true/false",
		"seq": "a list", "map": "a mapping", "null": "nothing"}[sm[1]]
	if got == "" {
		got = sm[1]
	}
	return fmt.Sprintf("expected %s, got %s %s", want, got, echo(sm[2]))
}

var (
	unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()
	nodeType        = reflect.TypeFor[yaml.Node]()
	fieldCache      sync.Map // reflect.Type -> map[string]reflect.Type
)

func yamlFields(t reflect.Type) map[string]reflect.Type {
	if f, ok := fieldCache.Load(t); ok {
		return f.(map[string]reflect.Type)
	}
	fields := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		if tag == "" || tag == "-" || !f.IsExported() {
			continue
		}
		fields[tag] = f.Type
	}
	fieldCache.Store(t, fields)
	return fields
}

// checkKeys reports every mapping key that the target type does not declare,
// with the allowed keys and a did-you-mean, and every figure that is not a
// decimal number within its bounds. yaml.v3's own strict mode stops at the
// first, has no column and names Go types, so the loader walks the tree itself.
// An anchored node is checked once, however many aliases use it.
func checkKeys(n *yaml.Node, t reflect.Type, name string, ps *problems) {
	kc := keyChecker{name: name, ps: ps, seen: map[aliasUse]bool{}}
	kc.check(n, t, "")
}

type keyChecker struct {
	name string
	ps   *problems
	seen map[aliasUse]bool
}

type aliasUse struct {
	n *yaml.Node
	t reflect.Type
}

var rangeType = reflect.TypeFor[Range]()

// check checks n against type t; key is the mapping key n is the value of.
func (kc *keyChecker) check(n *yaml.Node, t reflect.Type, key string) {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil || kc.seen[aliasUse{n.Alias, t}] {
			return
		}
		kc.seen[aliasUse{n.Alias, t}] = true
		n = n.Alias
	}
	if t == rangeType {
		kc.checkRange(n, key)
		return
	}
	if t == nodeType || reflect.PointerTo(t).Implements(unmarshalerType) {
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		kc.check(n, t.Elem(), key)
	case reflect.Int, reflect.Int64, reflect.Int32:
		kc.checkInt(n, key)
	case reflect.Float64, reflect.Float32:
		kc.checkFloat(n, key)
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return // the decoder reports the wrong type
		}
		fields := yamlFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			ft, ok := fields[k.Value]
			if !ok {
				if kc.ps.overflow(kc.name) {
					continue // counted, not described
				}
				keys := make([]string, 0, len(fields))
				for key := range fields {
					keys = append(keys, key)
				}
				slices.Sort(keys)
				kc.ps.add(kc.name, posOf(k), "unknown key %s in %s%s; allowed: %s",
					echo(k.Value), describeType(t), didYouMean(k.Value, keys), strings.Join(keys, ", "))
				continue
			}
			kc.check(n.Content[i+1], ft, k.Value)
		}
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				kc.check(c, t.Elem(), key)
			}
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			for i := 1; i < len(n.Content); i += 2 {
				kc.check(n.Content[i], t.Elem(), key)
			}
		}
	}
}

// figureLimit is the largest value a figure under key may have.
func figureLimit(key string) (int64, string) {
	switch key {
	case "months":
		return maxMonths, "months"
	case "cost", "median", "low", "high", "amount":
		return maxMoney, "dollars"
	}
	return maxFigure, ""
}

// checkInt checks a whole number the decoder will read into an int field.
// yaml.v3 reads 010 as octal (8) but 080 as 80 (it tags that a float), so a
// leading zero is refused rather than guessed; 0x, 0o and 0b forms are
// refused too.
func (kc *keyChecker) checkInt(n *yaml.Node, key string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!float") {
		return // the decoder reports the wrong type
	}
	v := strings.TrimLeft(strings.ReplaceAll(n.Value, "_", ""), "+-")
	if len(v) > 1 && v[0] == '0' && (v[1] < '0' || v[1] > '9') == (v[1] == 'x' || v[1] == 'o' || v[1] == 'b' || v[1] == 'X' || v[1] == 'O' || v[1] == 'B') {
		kc.ps.add(kc.name, posOf(n), "%s: write the number in decimal digits without a leading zero (YAML reads 010 as 8)", echo(n.Value))
		return
	}
	kc.checkMagnitude(n, key)
}

// checkRange checks the one or two numbers of a [low, high] range.
func (kc *keyChecker) checkRange(n *yaml.Node, key string) {
	switch n.Kind {
	case yaml.ScalarNode:
		kc.checkMagnitude(n, key)
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind == yaml.AliasNode && c.Alias != nil {
				c = c.Alias
			}
			if c.Kind == yaml.ScalarNode {
				kc.checkMagnitude(c, key)
			}
		}
	}
}

// checkMagnitude refuses a figure too large for its kind, so that sums of
// figures (a plan's months and costs, a path's score) cannot overflow.
func (kc *keyChecker) checkMagnitude(n *yaml.Node, key string) {
	limit, unit := figureLimit(key)
	v, form := parseDecimal(n.Value)
	if form != numWhole && form != numTooBig {
		return // not a whole number: the decoder says so
	}
	if form == numTooBig || v > limit || v < -limit {
		what := "a figure"
		if unit != "" {
			what = "a figure in " + unit
		}
		kc.ps.add(kc.name, posOf(n), "%s: %s %s is out of bounds; the limit is %d", key, what, echo(n.Value), limit)
	}
}

// checkFloat refuses NaN, infinities and absurd magnitudes in a decimal field.
func (kc *keyChecker) checkFloat(n *yaml.Node, key string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!float" && n.Tag != "!!int") {
		return
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > maxFigure {
		kc.ps.add(kc.name, posOf(n), "%s: %s is not a number within -%d to %d", key, echo(n.Value), maxFigure, maxFigure)
	}
}

func describeType(t reflect.Type) string {
	switch t.Name() {
	case "dataFile":
		return "a data file (top level)"
	case "FAQ":
		return "a faq entry"
	case "FitBand":
		return "a fit band"
	}
	var b strings.Builder
	for i, r := range t.Name() {
		if i > 0 && r >= 'A' && r <= 'Z' {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(string(r)))
	}
	s := b.String()
	if strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s
	}
	return "a " + s
}

// child returns the value node of key in a mapping node, or nil.
func child(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			v := m.Content[i+1]
			if v.Kind == yaml.AliasNode {
				v = v.Alias
			}
			return v
		}
	}
	return nil
}

// items returns the item nodes of a list under key, or nil.
func items(m *yaml.Node, key string) []*yaml.Node {
	n := child(m, key)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

// itemPos returns the position of the i-th item of nodes, or the fallback.
func itemPos(nodes []*yaml.Node, i int, fallback Pos) Pos {
	if i < len(nodes) {
		return posOf(nodes[i])
	}
	return fallback
}
