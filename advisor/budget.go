package advisor

import (
	"runtime"
	"sync"
)

// Budgets on what one folder of data files (a layer) may hold, so that a
// colleague's overlay, hostile or broken, is refused quickly with a message
// instead of taking all the memory or time of the machine. The embedded data
// (about 170 KB, 7,000 YAML values in 8 files) is far inside every one.
const (
	maxLayerFiles = 64      // data files in one folder
	maxLayerBytes = 4 << 20 // bytes of all data files of one folder, as read
	// values (YAML nodes) once aliases are expanded: in one file, in one folder
	maxFileNodes  = 100_000
	maxLayerNodes = 250_000
	// bytes of all keys and values once aliases are expanded: one file, one folder
	maxFileExpanded  = 4 << 20
	maxLayerExpanded = 8 << 20
	// bigFile is the size above which a file's parse is followed by a garbage
	// collection (the largest built-in file is 30 KB)
	bigFile = 256 << 10
)

// Bounds on figures in the data, so that no sum of them can overflow and every
// one is a plausible amount.
const (
	maxMonths = 600        // months of a step: 50 years
	maxMoney  = 10_000_000 // dollars of a cost, a fee or a salary
	maxFigure = 1_000_000_000
)

// layerBudget counts what the files of one layer use, across the goroutines
// that parse them. A nil *layerBudget counts nothing (a lone answers file has
// only its own limits).
type layerBudget struct {
	dir string

	mu       sync.Mutex
	nodes    int
	expanded int
	over     bool
}

// take adds one parsed file's expanded size to the layer's and reports
// whether the layer is still within budget. The first file to go over gets
// the problem; later files are refused quietly, because the one message
// already says what to do.
func (lb *layerBudget) take(name string, nodes, expanded int, ps *problems) bool {
	if lb == nil {
		return true
	}
	lb.mu.Lock()
	defer lb.mu.Unlock()
	if lb.over {
		return false
	}
	lb.nodes += nodes
	lb.expanded += expanded
	switch {
	case lb.nodes > maxLayerNodes:
		ps.add(name, Pos{}, "the data files of %s hold more than %d values together (aliases expanded); the limit is %d", layerName(lb.dir), maxLayerNodes, maxLayerNodes)
	case lb.expanded > maxLayerExpanded:
		ps.add(name, Pos{}, "the data files of %s hold more than %d bytes together (aliases expanded); the limit is %d (8 MiB)", layerName(lb.dir), maxLayerExpanded, maxLayerExpanded)
	default:
		return true
	}
	lb.over = true
	return false
}

func layerName(dir string) string {
	if dir == "" {
		return "the built-in data"
	}
	return dir
}

// parseLayer parses the data files of one layer under the layer's budget and
// returns them in the order given. Files are parsed in parallel, but never
// more than 1 MiB of them at a time: parsing takes about a hundred times a
// file's size in memory while it runs (100 MiB for a 1 MiB file), so four
// such files at once would need half a GiB. display[i] names file i in
// messages; its problems go to fileProblems[i].
func parseLayer(dir string, display []string, contents [][]byte, fileProblems []problems) []*dataFile {
	lb := &layerBudget{dir: dir}
	parsed := make([]*dataFile, len(display))
	gate := newByteGate(MaxFileSize, max(1, runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for i := range display {
		n := len(contents[i])
		gate.acquire(n)
		wg.Go(func() {
			defer gate.release(n)
			parsed[i] = parseDataFile(display[i], contents[i], lb, &fileProblems[i])
			if n > bigFile {
				// the parse tree is garbage now; collect it before the next
				// large file is parsed, or the heap grows to twice the peak
				runtime.GC()
			}
		})
	}
	wg.Wait()
	return parsed
}

// byteGate lets work run while the bytes and the number of jobs in flight
// stay within limits; one job is always let through, however large.
type byteGate struct {
	mu          sync.Mutex
	cond        *sync.Cond
	bytes, jobs int
	maxBytes    int
	maxJobs     int
}

func newByteGate(maxBytes, maxJobs int) *byteGate {
	g := &byteGate{maxBytes: maxBytes, maxJobs: maxJobs}
	g.cond = sync.NewCond(&g.mu)
	return g
}

func (g *byteGate) acquire(n int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for g.jobs > 0 && (g.jobs >= g.maxJobs || g.bytes+n > g.maxBytes) {
		g.cond.Wait()
	}
	g.bytes += n
	g.jobs++
}

func (g *byteGate) release(n int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.bytes -= n
	g.jobs--
	g.cond.Broadcast()
}
