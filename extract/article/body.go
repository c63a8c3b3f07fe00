package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// bodySelectors name the article body in common CMS themes, press-release
// wires and Japanese news portals, most specific first.
var bodySelectors = []string{
	`[itemprop="articleBody"]`,
	`.bw-release-story`, `.release-body`, `#release-body`, `.news-release-body`, `.pr-body`,
	`.entry-content`, `.post-content`, `.article-body`, `.article__body`, `.articleBody`, `.article-content`,
	`.article__content`, `.story-body`, `.story-content`, `.post-body`, `.c-entry-content`, `.td-post-content`,
	`.single-content`, `.news-body`, `.news_body`, `.article_body`, `.article-text`, `.main-text`, `#main-text`,
	`#article-body`, `#articleBody`, `.articleText`, `.entry-body`, `.l-article-body`, `.p-article__body`,
	`.content-body`, `.body-text`, `.kiji`, `#kiji`, `.honbun`, `#honbun`,
}

// densest scores each text block (a paragraph, or any element with its own
// text) by its prose length and credits its parent fully and its
// grandparent half, like Readability; the best-scored element wins.
func densest(root *html.Node) *html.Node {
	scores := map[*html.Node]float64{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipTags[c.DataAtom] {
				continue
			}
			own := ownText(c)
			if own >= 20 {
				s := float64(own)
				if c.DataAtom == atom.A {
					s = 0
				}
				if c.DataAtom != atom.P && c.DataAtom != atom.Td {
					scores[c] += s
				}
				if p := c.Parent; p != nil {
					scores[p] += s
					if g := p.Parent; g != nil {
						scores[g] += s / 2
					}
				}
			}
			walk(c)
		}
	}
	walk(root)
	var best *html.Node
	bestScore := 0.0
	for n, s := range scores {
		if n.Type != html.ElementNode || n.DataAtom == atom.Html || n.DataAtom == atom.Body {
			continue
		}
		s *= 1 - linkDensity(n)
		if s > bestScore || (s == bestScore && best != nil && isAncestor(n, best)) {
			best, bestScore = n, s
		}
	}
	if best == nil {
		if b := findBody(root); b != nil {
			return b
		}
	}
	return best
}

// ownText counts the characters of n's own text children and inline
// children (not its block children), outside links.
func ownText(n *html.Node) int {
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			total += len([]rune(strings.TrimSpace(c.Data)))
		case c.Type == html.ElementNode && !blockTags[c.DataAtom] && c.DataAtom != atom.A && !skipTags[c.DataAtom]:
			total += proseLen(c)
		}
	}
	return total
}

func isAncestor(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}
