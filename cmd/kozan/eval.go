package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"

	"github.com/kozan-dev/kozan/extract/eval"
	"github.com/kozan-dev/kozan/extract/money"
	"github.com/spf13/cobra"
)

// errCheckFailed: --check found problems (they are printed).
var errCheckFailed = errors.New("the answer key has problems")

func (a *app) evalCmd() *cobra.Command {
	var (
		golds                                []string
		texts, split, aliasFile              string
		asJSON, explain, scoresOnly, doCheck bool
		byRule, missing                      bool
		put                                  string
	)
	cmd := &cobra.Command{
		Use:   "eval --gold FILE.jsonl [--gold FILE]... [--texts DIR] [--aliases FILE] [--split S] [--json] [--explain] [--scores-only] [--by-rule] [--check] [--missing] [--put ID]",
		Short: "Score the deal extractor on an answer key",
		Long: `eval runs the deal extractor on each record's text and scores what it finds
against the record's deals: precision, recall and F1 per language, per split and
overall, the share of matched deals whose kind is right, then every error by class
with its evidence sentence.

The answer key is JSON lines in the form of shared/realnews/ANNOTATION.md (one
object per line: id, url, lang, query, sha256, split, deals, not_deals, comment);
a single JSON object in the seed's form (doc, deals, amounts_not_deals,
companies) is read too. Each record's text is DIR/<id>.txt (or DIR/<doc>);
--texts defaults to the answer key's directory. A text that is missing or whose
sha256 differs from the record's is reported and skipped, never scored as empty;
so is one the deal rules failed on (status failed, with the error: a bug).

Matching (ANNOTATION.md): a predicted deal matches a gold deal when the two
parties match in either order — the gold names, their alias lists and the
record's company aliases count, and so do the groups of an --aliases file (a
YAML list of lists: [[Cipher Mining, Cipher Digital, CIFR], …]); case, spaces,
punctuation, dots and legal forms (Inc., Corp., Ltd., 株式会社…) are ignored; a
gold counterparty of null matches only a predicted null — and, where the gold
deal has an amount, the predicted amount (or the upper bound of a range) is
within 1% of it, or of one of its other_values, in the same currency, compared
by size. Matching is one to one: as many pairs as possible, and among those
the pairing with the most gold figures matched, then the most kinds right.

Error classes:
  wrong_party      a prediction whose parties match no gold deal (invented or wrong party)
  wrong_amount     right parties, wrong or missing amount (a false positive and a miss)
  not_deal_figure  a prediction whose amount is one of the record's not_deals figures
  duplicate        a prediction repeating the parties of a deal already matched
  missed           a gold deal nothing matched
  wrong_kind       a match with another kind (not counted in precision or recall)

--scores-only prints the scores and error counts without any text: use it for a
split that must stay unread. --explain adds, for each record with an error, its
gold deals and what matched them, every prediction with the rules that made it,
and the rules' sentence-by-sentence account (as kozan extract --explain).
--by-rule prints, instead of the errors, every rule name (a strategy such as
amount:subject, a lexicon entry, a data rule) with the deals it had a hand in,
how many were right and its precision: which rules to mend first. --check
scores nothing: it checks the answer key against its texts (form, sha256,
evidence in the text, every annotated figure a money mention of the text, every
money mention accounted for) and exits 1 when anything is wrong.

Rebuilding the text cache (extract/eval/realnews/README.md): --missing lists
the records whose text is missing or changed, grouped by the query that finds
them; --put ID reads that record's text on standard input — the excerpt as the
search tool prints it, a JSON string in double quotes, or the raw text, one
final newline dropped — and writes it to the --texts directory only when its
sha256 is the record's (exit 1, nothing written, otherwise).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if len(golds) == 0 {
				return usageError{errors.New("--gold FILE is required")}
			}
			if asJSON && explain {
				return usageError{errors.New("--explain prints for a terminal; leave out --json")}
			}
			var recs []eval.Record
			for _, g := range golds {
				rs, err := eval.LoadFile(g)
				if err != nil {
					return err
				}
				recs = append(recs, rs...)
			}
			if split != "" {
				kept := recs[:0]
				for _, r := range recs {
					if r.Split == split {
						kept = append(kept, r)
					}
				}
				recs = kept
			}
			if len(recs) == 0 {
				return fmt.Errorf("no records to score (split %q)", split)
			}
			dir := texts
			if dir == "" {
				dir = filepath.Dir(golds[0])
			}
			if doCheck {
				return a.checkKey(recs, dir, asJSON)
			}
			if missing {
				qs, by := eval.MissingByQuery(dir, recs)
				for _, q := range qs {
					fmt.Fprintf(a.stdout, "QUERY: %s\n", q)
					for _, r := range by[q] {
						fmt.Fprintf(a.stdout, "  %s  %s\n", r.ID, r.URL)
					}
				}
				fmt.Fprintf(a.stderr, "kozan: eval: %d queries, %d of %d records without their text\n", len(qs), countRecords(by), len(recs))
				return nil
			}
			if put != "" {
				i := slices.IndexFunc(recs, func(r eval.Record) bool { return r.ID == put })
				if i < 0 {
					return usageError{fmt.Errorf("--put %s: no such record in the answer key", put)}
				}
				in, err := io.ReadAll(io.LimitReader(a.stdin, 1<<24))
				if err != nil {
					return fmt.Errorf("--put: %w", err)
				}
				if err := eval.PutText(dir, recs[i], in); err != nil {
					return err
				}
				fmt.Fprintf(a.stdout, "%s: written to %s\n", put, filepath.Join(dir, recs[i].TextFile()))
				return nil
			}
			a.noIndex = true // scoring indexes nothing
			x, err := a.extractor()
			if err != nil {
				return err
			}
			var groups [][]string
			if aliasFile != "" {
				if groups, err = eval.LoadAliases(aliasFile); err != nil {
					return err
				}
			}
			s, err := eval.NewScorer(eval.Options{Aliases: groups})
			if err != nil {
				return err
			}
			rep, err := eval.Run(cmd.Context(), x, s, recs, dir)
			if err != nil {
				return err
			}
			if len(rep.Results) == 0 {
				for _, sk := range rep.Skipped {
					fmt.Fprintf(a.stderr, "kozan: eval: %s: %s\n", sk.Record, sk.Reason)
				}
				return fmt.Errorf("none of the %d records has its text in %s", len(recs), dir)
			}
			o := eval.PrintOptions{ScoresOnly: scoresOnly, Explain: explain}
			if byRule && asJSON {
				return eval.WriteByRuleJSON(a.stdout, &rep)
			}
			if byRule {
				return eval.WriteByRule(a.stdout, &rep)
			}
			if asJSON {
				return eval.WriteJSON(a.stdout, &rep, o)
			}
			return eval.WriteTable(a.stdout, &rep, o)
		},
	}
	cmd.Flags().StringArrayVar(&golds, "gold", nil, "answer key (JSON lines, or one JSON object); repeatable")
	cmd.Flags().StringVar(&texts, "texts", "", "directory of the texts (default: the answer key's directory)")
	cmd.Flags().StringVar(&aliasFile, "aliases", "", "YAML list of groups of spellings of one party, added to the key's aliases")
	cmd.Flags().StringVar(&split, "split", "", "score only the records of this split (dev, test)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "JSON lines: scores, errors, skipped records")
	cmd.Flags().BoolVar(&explain, "explain", false, "per record with an error: every prediction with its rule, every money mention")
	cmd.Flags().BoolVar(&scoresOnly, "scores-only", false, "scores and error counts only, no text")
	cmd.Flags().BoolVar(&byRule, "by-rule", false, "per rule: deals made, right, wrong and precision")
	cmd.Flags().BoolVar(&doCheck, "check", false, "check the answer key against its texts instead of scoring")
	cmd.Flags().BoolVar(&missing, "missing", false, "list the records without their text, by query, instead of scoring")
	cmd.Flags().StringVar(&put, "put", "", "write record ID's text, read on standard input, once its sha256 checks")
	return cmd
}

// checkKey prints every problem of the answer key and fails when there is one.
func (a *app) checkKey(recs []eval.Record, dir string, asJSON bool) error {
	c, err := a.config()
	if err != nil {
		return err
	}
	p := money.New(money.Config{FXUSD: c.FXUSD})
	n := 0
	for _, r := range recs {
		for _, pr := range eval.Check(r, eval.ReadText(dir, r), p) {
			n++
			if asJSON {
				if err := writeJSONLine(a.stdout, pr); err != nil {
					return err
				}
				continue
			}
			if _, err := fmt.Fprintln(a.stdout, pr); err != nil {
				return err
			}
		}
	}
	if n > 0 {
		return fmt.Errorf("%w: %d in %d records", errCheckFailed, n, len(recs))
	}
	if !asJSON {
		_, err := fmt.Fprintf(a.stdout, "%d records checked: no problems\n", len(recs))
		return err
	}
	return nil
}

// countRecords counts the records of the groups.
func countRecords(by map[string][]eval.Record) int {
	n := 0
	for _, rs := range by {
		n += len(rs)
	}
	return n
}
