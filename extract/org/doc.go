// Package org finds company names in normalised text.
//
// A Gazetteer holds canonical names with their aliases (English, Japanese,
// Chinese) and tickers. The built-in list is embedded from companies.yaml;
// users add their own file with LoadFile (same format). Matching works on a
// key that ignores case, spaces, "・", "-" and "." (news writes both
// "Core Scientific" and "CoreScientific"), with word-boundary checks so that
// IREN does not match IRENA or Irene, acronyms and tickers match in exact
// case only, and Japanese katakana names do not match inside longer
// katakana words.
//
// Find also reports organisations no list has (Known false): English
// capitalised names ending in a corporate word (Inc., Capital, Partners,
// Technologies…) and Japanese names with 社/グループ/ホールディングス/株式会社.
// FindTokens adds kagome's 名詞,固有名詞,組織 tokens. CapitalizedAt reads an
// English capitalised name at a position, for the deal rules' frames.
//
// Files:
//   - companies.yaml: the built-in gazetteer data.
//   - gazetteer.go: Entry, Gazetteer, Builtin, LoadFile, Canonical, Role.
//   - match.go: Mention, Find and the alias matcher.
//   - unknown.go: unknown organisations (English and Japanese), stoplists.
package org
