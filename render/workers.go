package render

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// maxReadWorkers bounds the goroutines of one parse.
const maxReadWorkers = 4

// workers are the goroutines that read and check parts beside the one that parses. They
// start before the parts are known, the first of them inflating the largest part that
// is XML by its name (in a Word template, the styles): that takes longer than finding
// what the parts are. Once readAll hands them the parts to read, they take them in turn,
// the first one beginning with the part it inflated if that is among them.
type workers struct {
	rd    *pkgReader
	wg    sync.WaitGroup
	ready chan struct{} // closed when rest is set, or when the parse stops
	once  sync.Once
	rest  []int        // the parts to read, largest first
	next  atomic.Int64 // the index in rest of the next part to take
	errs  []error      // each part's error, by index in rd.files
	ahead int          // the part the first worker inflates ahead, -1 for none
	// keepAhead, set by start, says the part ahead is to be read by the workers.
	keepAhead bool
}

// startWorkers starts the workers for rd's entries, none when only one goroutine may run.
func (rd *pkgReader) startWorkers() *workers {
	w := &workers{rd: rd, ready: make(chan struct{}), errs: make([]error, len(rd.files)), ahead: -1}
	n := min(runtime.GOMAXPROCS(0), maxReadWorkers, len(rd.files)) - 1
	if n > 0 {
		w.ahead = rd.largestXML()
	}
	for k := 0; k < n; k++ {
		w.wg.Add(1)
		go func(first bool) {
			defer w.wg.Done()
			withScratch(func(scratch *[]byte) { w.run(first, scratch) })
		}(k == 0)
	}
	return w
}

// largestXML is the index of the largest entry named as XML that is neither named as a
// part that may hold tags nor [Content_Types].xml, or -1.
func (rd *pkgReader) largestXML() int {
	best := -1
	for i, f := range rd.files {
		name := strings.ToLower(f.Name)
		if !strings.HasSuffix(name, ".xml") || name == strings.ToLower(contentTypesPart) ||
			templated.MatchString(name) || strings.HasPrefix(name, "word/document") {
			continue
		}
		if best < 0 || f.UncompressedSize64 > rd.files[best].UncompressedSize64 {
			best = i
		}
	}
	return best
}

// run is one worker: the part ahead if it is the first, then its share of rest.
func (w *workers) run(first bool, scratch *[]byte) {
	var aheadErr error
	if first && w.ahead >= 0 {
		aheadErr = w.rd.inflateAhead(w.ahead, scratch)
	}
	<-w.ready
	if first && w.keepAhead {
		w.errs[w.ahead] = aheadErr
		if aheadErr == nil {
			w.errs[w.ahead] = w.rd.checkAhead(w.ahead, *scratch)
		}
	}
	w.work(scratch)
}

// start hands the workers the parts to read. The part inflated ahead, if one of them,
// is left to the first worker, which has it.
func (w *workers) start(rest []int) {
	for k, i := range rest {
		if i == w.ahead {
			rest = append(rest[:k:k], rest[k+1:]...)
			w.keepAhead = true
			break
		}
	}
	w.rest = rest
	w.once.Do(func() { close(w.ready) })
}

// work reads parts of rest until none is left.
func (w *workers) work(scratch *[]byte) {
	for {
		k := int(w.next.Add(1) - 1)
		if k >= len(w.rest) {
			return
		}
		w.errs[w.rest[k]] = w.rd.readPart(w.rest[k], scratch)
	}
}

// stop lets the workers finish (with nothing more to read if start was not called) and
// waits for them.
func (w *workers) stop() {
	w.once.Do(func() { close(w.ready) })
	w.wg.Wait()
}
