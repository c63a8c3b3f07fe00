package eval

import (
	"context"
	"sort"

	"github.com/kozan-dev/kozan/extract/deal"
	"github.com/kozan-dev/kozan/pipeline"
)

// Extractor is what Run needs of the deal extractor: the deals of a plain
// text (extract.Extractor's Text).
type Extractor interface {
	Text(source, title, body, lang string) pipeline.Document
}

// Explainer is an Extractor that also gives the deal rules' account of a
// text (extract.Extractor's TextExplained).
type Explainer interface {
	TextExplained(source, title, body, lang string) (pipeline.Document, deal.Result)
}

// Result is one record's text, what the extractor made of it and its score.
type Result struct {
	Record Record
	Text   Text
	Doc    pipeline.Document
	Score  ItemScore
	Trace  *deal.Result // the rules' account, when the extractor is an Explainer
}

// Skip is a record that was not scored, and why.
type Skip struct {
	Record string     `json:"record"`
	Status TextStatus `json:"status"`
	Reason string     `json:"reason"`
}

// Report is the outcome of scoring an answer key.
type Report struct {
	// Scores by group: "all", each language ("en"), each split ("dev") and
	// each split and language ("dev/en").
	Scores  map[string]*Tally
	Errors  []Error
	Skipped []Skip
	Results []Result
}

// Run extracts the deals of every record's text (read from dir) and scores
// them. Records whose text is missing or changed are skipped, never scored
// as empty. The language is detected from the text, as in a crawl.
func Run(ctx context.Context, x Extractor, s *Scorer, recs []Record, dir string) (Report, error) {
	rep := Report{Scores: map[string]*Tally{}}
	for _, rec := range recs {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		t := ReadText(dir, rec)
		if !t.Status.Scorable() {
			rep.Skipped = append(rep.Skipped, Skip{Record: rec.ID, Status: t.Status, Reason: t.Err.Error()})
			continue
		}
		var trace *deal.Result
		var doc pipeline.Document
		if ex, ok := x.(Explainer); ok {
			d, res := ex.TextExplained(rec.ID, "", t.Body, "auto")
			doc, trace = d, &res
		} else {
			doc = x.Text(rec.ID, "", t.Body, "auto")
		}
		if trace != nil && trace.Err != nil {
			// A failure of the rules is reported, never scored as a text
			// without deals.
			rep.Skipped = append(rep.Skipped, Skip{Record: rec.ID, Status: TextFailed, Reason: trace.Err.Error()})
			continue
		}
		sc := s.Score(rec, doc.Deals)
		rep.add(rec, sc.Tally)
		rep.Errors = append(rep.Errors, sc.Errors...)
		rep.Results = append(rep.Results, Result{Record: rec, Text: t, Doc: doc, Score: sc, Trace: trace})
	}
	return rep, nil
}

// add counts a record's tally in its groups.
func (r *Report) add(rec Record, t Tally) {
	keys := []string{"all", rec.Lang}
	if rec.Split != "" {
		keys = append(keys, rec.Split, rec.Split+"/"+rec.Lang)
	}
	for _, k := range keys {
		if r.Scores[k] == nil {
			r.Scores[k] = &Tally{}
		}
		r.Scores[k].Add(t)
	}
}

// Groups lists the report's score groups in print order: per split and
// language, per split, per language, then all.
func (r *Report) Groups() []string {
	rank := func(k string) int {
		switch {
		case k == "all":
			return 4
		case k == "en" || k == "ja":
			return 3
		case len(k) > 3 && k[len(k)-3] == '/':
			return 1
		}
		return 2
	}
	keys := make([]string, 0, len(r.Scores))
	for k := range r.Scores {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		ri, rj := rank(keys[i]), rank(keys[j])
		if ri != rj {
			return ri < rj
		}
		return keys[i] < keys[j]
	})
	return keys
}

// ErrorCounts counts errors by class.
func (r *Report) ErrorCounts() map[ErrorClass]int {
	n := map[ErrorClass]int{}
	for _, e := range r.Errors {
		n[e.Class]++
	}
	return n
}
