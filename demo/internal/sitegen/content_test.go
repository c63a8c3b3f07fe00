package sitegen

import (
	"os"
	"strings"
	"testing"
	"time"
)

const good = `id: 7
slug: a-story
title: A story
excerpt: Short.
author: Desk
dateline: TOKYO
published: 2026-10-01T09:00:00+09:00
modified: 2026-10-02T09:00:00+09:00
date_style: meta
category: hpc|AI・HPC
tags: a|A, b|B
popular: true
hidden: feed

First line of a paragraph
continues here.

日本語の段落は
改行で分かれても空白を入れない。

## A heading
> A quote.
- An item.
`

func TestParseArticle(t *testing.T) {
	a, err := ParseArticle("good.txt", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	want := []Block{
		{"p", "First line of a paragraph continues here."},
		{"p", "日本語の段落は改行で分かれても空白を入れない。"},
		{"h2", "A heading"},
		{"quote", "A quote."},
		{"li", "An item."},
	}
	if len(a.Body) != len(want) {
		t.Fatalf("got %d blocks %q, want %d", len(a.Body), a.Body, len(want))
	}
	for i := range want {
		if a.Body[i] != want[i] {
			t.Errorf("block %d: got %q, want %q", i, a.Body[i], want[i])
		}
	}
	if a.ID != "7" || a.Category != (Term{"hpc", "AI・HPC"}) || len(a.Tags) != 2 || !a.Popular || a.Hidden != "feed" || a.Dateline != "TOKYO" {
		t.Errorf("header: %+v", a)
	}
	if got, want := a.LastMod(), time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("LastMod = %v, want %v", got, want)
	}
}

func TestParseArticleErrors(t *testing.T) {
	tests := []struct {
		name, replace, with, wantErr string
	}{
		{"no colon", "popular: true", "popular true", "header line without colon"},
		{"unknown key", "popular: true", "colour: red", `unknown header "colour"`},
		{"bad id", "id: 7", "id: seven", "id:"},
		{"bad date", "published: 2026-10-01T09:00:00+09:00", "published: yesterday", "published"},
		{"bad style", "date_style: meta", "date_style: rss", "unknown date_style"},
		{"bad term", "category: hpc|AI・HPC", "category: hpc", "want slug|label"},
		{"bad tag", "tags: a|A, b|B", "tags: a|A, b", "tags"},
		{"bad hidden", "hidden: feed", "hidden: all", "hidden must be"},
		{"bad bool", "popular: true", "popular: maybe", "popular"},
		{"no title", "title: A story", "title:", "title is required"},
		{"no slug", "slug: a-story", "slug:", "slug is required"},
		{"no category", "category: hpc|AI・HPC", "excerpt: x", "category is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Replace(good, tt.replace, tt.with, 1)
			_, err := ParseArticle("x.txt", []byte(in))
			if tt.wantErr == "" {
				if err != nil {
					t.Errorf("unexpected error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.HasPrefix(err.Error(), "x.txt") {
				t.Errorf("got %v, want an error about %q naming the file", err, tt.wantErr)
			}
		})
	}
	if _, err := ParseArticle("x.txt", []byte(strings.SplitAfter(good, "hidden: feed\n")[0])); err == nil || !strings.Contains(err.Error(), "empty body") {
		t.Errorf("no body: got %v", err)
	}
}

func FuzzParseArticle(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("title: x\n\nbody"))
	f.Add([]byte("\n\n## \n> \n- "))
	for _, n := range []string{"../../content/ja/1201-terawulf-crusoe.txt", "../../content/en/01-bitfarms-coreweave.txt"} {
		if b, err := os.ReadFile(n); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ParseArticle("fuzz.txt", b)
		if err != nil {
			return
		}
		if a.Title == "" || a.Slug == "" || a.Published.IsZero() || len(a.Body) == 0 {
			t.Fatalf("accepted an incomplete article: %+v", a)
		}
		for _, bl := range a.Body {
			if bl.Text == "" && bl.Kind == "p" {
				t.Fatalf("empty paragraph")
			}
		}
	})
}

func TestRenderDeterministic(t *testing.T) {
	content := os.DirFS("../../content")
	a, err := Render(content)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(content)
	if err != nil {
		t.Fatal(err)
	}
	for site, o := range a {
		for name, body := range o.Files {
			if string(b[site].Files[name]) != string(body) {
				t.Errorf("%s/%s differs between two renders", site, name)
			}
			if _, ok := o.LastMod[name]; !ok {
				t.Errorf("%s/%s has no modification time", site, name)
			}
		}
	}
}
