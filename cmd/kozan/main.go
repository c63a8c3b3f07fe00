// Command kozan crawls Japanese and English bitcoin-mining news, extracts
// the AI/HPC deals it reports, stores them in SQLite (and Elasticsearch when
// configured) and exports them for review. See README.md and DESIGN.md.
//
// main.go holds the entry point and exit codes; root.go the command tree and
// shared wiring; one file per command (run.go, demo.go, extract.go,
// query.go for search/articles/deals, export.go for export and review,
// reextract.go, es.go, version.go); lock.go the cron lock; table.go the
// terminal table; outfile.go safe output files; metrics.go the textfile
// metrics.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes (DESIGN.md).
const (
	exitOK       = 0
	exitFailed   = 1
	exitUsage    = 2
	exitPartial  = 3  // kozan run: some sources failed; the others' work is stored
	exitCutShort = 4  // kozan run: --timeout or a signal cut the crawl short; what was fetched is stored
	exitLocked   = 75 // EX_TEMPFAIL: another run holds the lock
)

// usageError marks errors in how kozan was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// lockedError: another run holds the lock; nothing was done.
var errLocked = errors.New("another kozan run holds the lock")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	// A close error on standard output (a full disk behind a redirection,
	// NFS) means the output did not arrive.
	if err := os.Stdout.Close(); err != nil && code == exitOK && !errors.Is(err, os.ErrClosed) {
		fmt.Fprintln(os.Stderr, "kozan: write standard output:", err)
		code = exitFailed
	}
	os.Exit(code)
}

// run executes kozan with args and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	out := &errWriter{w: stdout}
	a := &app{stdin: stdin, stdout: out, stderr: stderr, getenv: os.Getenv}
	root := a.rootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(out)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	a.close()
	if err == nil && out.Err() != nil {
		// Output nobody checked (a table, a report line) did not arrive.
		err = fmt.Errorf("write standard output: %w", out.Err())
	}
	code := exitCode(err)
	var ee *exitError
	switch {
	case err == nil:
	case errors.As(err, &ee) && ee.logged:
		// The "run finished" record said it.
	case a.runCommand && a.log != nil:
		// kozan run logs for machines: its fatal errors are log records
		// too (JSON when the logs are JSON).
		if code == exitLocked {
			a.log.Warn("run skipped: another kozan run holds the lock; nothing was done", "err", err, "exit_code", code)
		} else {
			a.log.Error("run failed", "err", err, "exit_code", code)
		}
	case code == exitLocked:
		fmt.Fprintln(stderr, "kozan:", err, "- nothing was done")
	case code == exitUsage:
		fmt.Fprintln(stderr, "kozan:", err)
		fmt.Fprintln(stderr, "Run 'kozan --help' for usage.")
	default:
		fmt.Fprintln(stderr, "kozan:", err)
	}
	return code
}

// exitCode maps an error to kozan's exit code.
func exitCode(err error) int {
	var ue usageError
	var ee *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return ee.code
	case errors.Is(err, errLocked):
		return exitLocked
	case errors.As(err, &ue) || isCobraUsage(err):
		return exitUsage
	default:
		return exitFailed
	}
}
