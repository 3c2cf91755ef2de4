package advisor

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Limits on what a data or answers file may hold. They keep a hostile or broken
// file from using unbounded memory or time.
const (
	MaxFileSize = 1 << 20 // bytes in one YAML or JSON file
	maxDepth    = 64      // nesting of mappings and lists
	maxAliases  = 100     // alias uses in one file
)

var lineRe = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// parseYAML parses one file into a document node, reporting syntax errors and
// refusing oversized, too deeply nested or alias-heavy input.
func parseYAML(name string, b []byte, ps *problems) *yaml.Node {
	if len(b) > MaxFileSize {
		ps.add(name, Pos{}, "file is %d bytes; the limit is %d (1 MiB)", len(b), MaxFileSize)
		return nil
	}
	if !isUTF8(b) {
		ps.add(name, Pos{}, "file is not valid UTF-8 text")
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		addYAMLError(name, err, ps)
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		ps.add(name, Pos{}, "file is empty")
		return nil
	}
	root := doc.Content[0]
	aliases := 0
	if !checkShape(root, 0, &aliases, name, ps) {
		return nil
	}
	return root
}

// checkShape enforces the depth and alias limits before anything is decoded.
func checkShape(n *yaml.Node, depth int, aliases *int, name string, ps *problems) bool {
	if depth > maxDepth {
		ps.add(name, posOf(n), "nested more than %d levels deep", maxDepth)
		return false
	}
	if n.Kind == yaml.AliasNode {
		*aliases++
		if *aliases > maxAliases {
			ps.add(name, posOf(n), "more than %d aliases (*name); write the values out", maxAliases)
			return false
		}
		return true // the anchored node itself is checked where it is defined
	}
	for _, c := range n.Content {
		if !checkShape(c, depth+1, aliases, name, ps) {
			return false
		}
	}
	return true
}

func isUTF8(b []byte) bool { return strings.ToValidUTF8(string(b), "\uFFFD") == string(b) }

// addYAMLError turns a yaml.v3 error into problems with line numbers.
func addYAMLError(name string, err error, ps *problems) {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, m := range msgs {
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
	return fmt.Sprintf("expected %s, got %s %q", want, got, sm[2])
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
// with the allowed keys and a did-you-mean. yaml.v3's own strict mode stops at
// the first, has no column and names Go types, so the loader walks the tree itself.
func checkKeys(n *yaml.Node, t reflect.Type, name string, ps *problems) {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if t == nodeType || reflect.PointerTo(t).Implements(unmarshalerType) {
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		checkKeys(n, t.Elem(), name, ps)
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return // the decoder reports the wrong type
		}
		fields := yamlFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			ft, ok := fields[k.Value]
			if !ok {
				keys := make([]string, 0, len(fields))
				for key := range fields {
					keys = append(keys, key)
				}
				slices.Sort(keys)
				ps.add(name, posOf(k), "unknown key %q in %s%s; allowed: %s",
					k.Value, describeType(t), didYouMean(k.Value, keys), strings.Join(keys, ", "))
				continue
			}
			checkKeys(n.Content[i+1], ft, name, ps)
		}
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				checkKeys(c, t.Elem(), name, ps)
			}
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			for i := 1; i < len(n.Content); i += 2 {
				checkKeys(n.Content[i], t.Elem(), name, ps)
			}
		}
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
