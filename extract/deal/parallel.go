package deal

import (
	"sync"

	"github.com/kozan-dev/kozan/pipeline"
)

// The reading of a long text in parallel: passes that run beside the
// rest on a goroutine of their own, and the deal rules a sentence behind.

// parallelFrom is the text length from which analyze runs the
// organisation finder beside its other passes.
const parallelFrom = 16 << 10

// wordIndexFrom is the text length from which a word index serves the
// party rules' reading of a name's other uses (analyze): below it, reading
// the text once per name costs less than indexing it.
const wordIndexFrom = 256 << 10

// background runs f in its own goroutine when async, else at once, and
// returns a function that waits for f's result. A panic in f is raised
// again in the caller, whose recoverResult turns it into an error.
func background[T any](async bool, f func() T) func() T {
	if !async {
		v := f()
		return func() T { return v }
	}
	var (
		v   T
		p   any
		wg  sync.WaitGroup
		got bool
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() { p = recover() }()
		v = f()
	}()
	return func() T {
		if !got {
			wg.Wait()
			got = true
		}
		if p != nil {
			panic(p)
		}
		return v
	}
}

// dataRun is one sentence for the deal rules: its names and the reading
// state as they stood when the sentence was read, copied.
type dataRun struct {
	i    int
	sp   [2]int
	ms   []mention
	st   state
	isJA bool
	trig bool // the sentence holds a deal word of the lexicon
}

// dataRuns runs the deal rules (matchDeals) over a long text's sentences
// on a goroutine of its own, a sentence behind the rest of the reading:
// it reads only what the reading no longer changes (the text, its
// figures and their vetoes) and its own copy of the rule words' hits.
type dataRuns struct {
	jobs   chan dataRun
	result func() [][]pipeline.Deal // waits for the goroutine (background)
	closed bool
}

// dataRulesOn returns the deal rules run over d's sentences from another
// goroutine: a copy of d with its own rule words' hits (the fields
// matchDeals reads are set before the sentences are read).
func (x *Extractor) dataRulesOn(d *doc) func(dataRun) []pipeline.Deal {
	dd := *d
	if d.hits != nil {
		h := *d.hits
		h.merged = nil
		dd.hits = &h
	}
	return func(j dataRun) []pipeline.Deal { return x.matchDeals(&dd, j.sp, j.ms, &j.st, j.isJA, j.trig) }
}

// startDataRuns starts run over n sentences, given in order on jobs.
func startDataRuns(n int, run func(dataRun) []pipeline.Deal) *dataRuns {
	jobs := make(chan dataRun, 64)
	result := background(true, func() [][]pipeline.Deal {
		// After a panic the reading still sends its sentences: take them
		// until it closes the queue; wait raises the panic.
		defer func() {
			for range jobs {
			}
		}()
		out := make([][]pipeline.Deal, n)
		for j := range jobs {
			out[j.i] = run(j)
		}
		return out
	})
	return &dataRuns{jobs: jobs, result: result}
}

// wait returns the deals the rules made, in sentence order; a panic of
// the rules is raised again here.
func (r *dataRuns) wait() []pipeline.Deal {
	r.stop()
	var out []pipeline.Deal
	for _, ds := range r.result() {
		out = append(out, ds...)
	}
	return out
}

// stop closes the queue once: the goroutine ends when it has read it, so
// a reading that panics midway leaves nothing blocked behind.
func (r *dataRuns) stop() {
	if !r.closed {
		r.closed = true
		close(r.jobs)
	}
}
