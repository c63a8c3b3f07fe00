package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/crawler"
	"github.com/kozan-dev/kozan/extract/deal"
	"github.com/kozan-dev/kozan/pipeline"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"
)

// maxExtractInput bounds what `kozan extract` reads from one input.
const maxExtractInput = 32 << 20

func (a *app) extractCmd() *cobra.Command {
	var asJSON, explain bool
	var lang string
	cmd := &cobra.Command{
		Use:   "extract [--json|--explain] [--lang auto|ja|en] FILE|URL|-...",
		Short: "Extract the article and its deals from files, URLs or standard input",
		Long: `extract reads each input (a file, an http(s) URL, or - for standard input), takes
it as HTML when it contains <html, else as the article's plain text, and prints the
article and its deals. With --json it prints one JSON object per input per line
(the DESIGN.md contract), including every money mention under "amounts".`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch lang {
			case "auto", "ja", "en":
			default:
				return usageError{fmt.Errorf("--lang %q: want auto, ja or en", lang)}
			}
			if asJSON && explain {
				return usageError{errors.New("--explain prints for a terminal; leave out --json")}
			}
			return a.extractAll(cmd.Context(), args, lang, asJSON, explain)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "one JSON object per input, per line")
	cmd.Flags().BoolVar(&explain, "explain", false, "after each input, sentence by sentence: which rules fired, what they set aside, why a candidate was dropped")
	cmd.Flags().StringVar(&lang, "lang", "auto", "auto, ja or en")
	return cmd
}

// extractAll extracts inputs on all cores with one shared extractor (the
// dictionary is loaded once) and prints results in input order.
func (a *app) extractAll(ctx context.Context, inputs []string, lang string, asJSON, explain bool) error {
	a.noIndex = true // nothing is indexed: tokenize only what the deal rules need
	if _, err := a.extractor(); err != nil {
		return err
	}
	type out struct {
		doc pipeline.Document
		res deal.Result
		err error
	}
	results := make([]chan out, len(inputs))
	for i := range results {
		results[i] = make(chan out, 1)
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.NumCPU())
	go func() {
		for i, in := range inputs {
			g.Go(func() error {
				doc, res, err := a.extractOne(gctx, in, lang)
				results[i] <- out{doc, res, err}
				return nil
			})
		}
	}()
	failed := 0
	for i, in := range inputs {
		var r out
		select {
		case r = <-results[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		if r.err != nil {
			failed++
			fmt.Fprintf(a.stderr, "kozan: extract %s: %v\n", in, r.err)
			continue
		}
		if asJSON {
			if err := writeJSONLine(a.stdout, r.doc); err != nil {
				return err
			}
			continue
		}
		printDocument(a.stdout, r.doc)
		if explain {
			fmt.Fprintln(a.stdout, "\nexplain (sentence by sentence: money, vetoes, data rules, dropped candidates, deals):")
			if err := deal.WriteExplanation(a.stdout, r.doc.Article.Text, r.res); err != nil {
				return err
			}
		}
	}
	g.Wait()
	if failed > 0 {
		return fmt.Errorf("%d of %d inputs failed", failed, len(inputs))
	}
	return nil
}

func (a *app) extractOne(ctx context.Context, in, lang string) (pipeline.Document, deal.Result, error) {
	body, ctype, err := a.readInput(ctx, in)
	if err != nil {
		return pipeline.Document{}, deal.Result{}, err
	}
	x, err := a.extractor()
	if err != nil {
		return pipeline.Document{}, deal.Result{}, err
	}
	if !looksHTML(body) {
		if !utf8.Valid(body) {
			if dec, _, derr := crawler.DecodeHTML(body, ctype); derr == nil {
				body = dec
			}
		}
		doc, res := x.TextExplained(in, "", string(body), lang)
		return doc, res, nil
	}
	utf8Body, _, err := crawler.DecodeHTML(body, ctype)
	if err != nil {
		return pipeline.Document{}, deal.Result{}, fmt.Errorf("decode: %w", err)
	}
	p := pipeline.Page{URL: in, FetchURL: in, Body: utf8Body, FetchedAt: time.Now().UTC(), Status: 200}
	if lang != "auto" {
		p.Lang = lang
	}
	doc, res, err := x.ExplainPage(ctx, p)
	var skip *pipeline.SkipError
	if errors.As(err, &skip) {
		return doc, res, fmt.Errorf("%w (give the text itself to extract it anyway)", err)
	}
	if err != nil {
		return doc, res, err
	}
	if lang != "auto" {
		doc.Article.Lang = lang
	}
	doc.Source = in
	return doc, res, nil
}

// readInput reads a file, an http(s) URL or "-" (stdin), at most maxExtractInput bytes.
func (a *app) readInput(ctx context.Context, in string) ([]byte, string, error) {
	var r io.Reader
	ctype := ""
	switch {
	case in == "-":
		r = a.stdin
	case strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://"):
		ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, in, nil)
		if err != nil {
			return nil, "", err
		}
		req.Header.Set("User-Agent", "kozan/1 (extract)")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, "", err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, "", fmt.Errorf("GET %s: %s", in, resp.Status)
		}
		r, ctype = resp.Body, resp.Header.Get("Content-Type")
	default:
		f, err := os.Open(in)
		if err != nil {
			return nil, "", err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxExtractInput+1))
	if err != nil {
		return nil, "", err
	}
	if len(b) > maxExtractInput {
		return nil, "", fmt.Errorf("input larger than %d MiB", maxExtractInput>>20)
	}
	return b, ctype, nil
}

// looksHTML: DESIGN.md takes an input without "<html" as plain article text
// (a page that starts with a doctype but omits <html> is HTML too).
func looksHTML(b []byte) bool {
	low := bytes.ToLower(b)
	return bytes.Contains(low, []byte("<html")) || bytes.HasPrefix(bytes.TrimSpace(low), []byte("<!doctype html"))
}

func printDocument(w io.Writer, d pipeline.Document) {
	fmt.Fprintf(w, "%s\n  title: %s\n  date:  %s  lang: %s  text: %d bytes, %d amounts\n", d.Source, orDash(d.Article.Title), dateOf(d.Article.PublishedAt), d.Article.Lang, len(d.Article.Text), len(d.Amounts))
	if len(d.Deals) == 0 {
		fmt.Fprintln(w, "  no deals")
	}
	for _, dl := range d.Deals {
		fmt.Fprintf(w, "  - %s ↔ %s  %s  %s  (%.2f)\n    %s\n", dl.Company, orDash(string(dl.Counterparty)), formatAmount(dl.Amount), dl.Kind, dl.Confidence, truncate(dl.Evidence, 160))
	}
	fmt.Fprintln(w)
}
