package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/kozan-dev/kozan/pipeline"
)

// sendThenWait sends n pages, says so on sent, then blocks until its
// context ends.
type sendThenWait struct {
	n    int
	sent chan struct{}
}

func (c sendThenWait) Crawl(ctx context.Context, out chan<- pipeline.Page) error {
	for i := range c.n {
		select {
		case out <- pipeline.Page{URL: string(rune('a' + i))}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	close(c.sent)
	<-ctx.Done()
	return ctx.Err()
}

type docX struct{}

func (docX) Extract(_ context.Context, p pipeline.Page) (pipeline.Document, error) {
	return pipeline.Document{Article: pipeline.Article{URL: p.URL}}, nil
}

type countSink struct{ n int }

func (s *countSink) Put(context.Context, pipeline.Result) error { s.n++; return nil }

// TestStopFinishesInFlightWork: a signal (or the --timeout deadline) stops the
// crawl, and every page already fetched is still extracted and stored; the
// run is not an error.
func TestStopFinishesInFlightWork(t *testing.T) {
	stop, cancel := context.WithCancel(context.Background())
	sink := &countSink{}
	sent := make(chan struct{})
	done := make(chan error, 1)
	var sum pipeline.Summary
	go func() {
		var err error
		sum, err = pipeline.Run(context.Background(), pipeline.RunConfig{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))},
			stoppable{sendThenWait{n: 5, sent: sent}, stop}, docX{}, sink)
		done <- err
	}()
	<-sent // the five pages are in flight
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("stopped run returned %v, want nil", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("run did not stop")
	}
	if sink.n != 5 || sum.Articles != 5 {
		t.Errorf("stored %d (summary %d articles), want all 5 fetched pages", sink.n, sum.Articles)
	}
}

// TestStoppableKeepsRealErrors: a crawler failure that is not the stop is
// still an error.
func TestStoppableKeepsRealErrors(t *testing.T) {
	boom := errors.New("every source failed")
	err := stoppable{failing{boom}, context.Background()}.Crawl(context.Background(), make(chan pipeline.Page))
	if !errors.Is(err, boom) {
		t.Errorf("got %v, want %v", err, boom)
	}
}

type failing struct{ err error }

func (f failing) Crawl(context.Context, chan<- pipeline.Page) error { return f.err }
