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
// Technologies…), or after a description ("Japanese trading house X",
// "AI startup X", "Asunción-based X"), with name connectors ("del",
// "de la"); Japanese names with a legal form (株式会社X, X株式会社, (株)X),
// a group word (Xホールディングス, Xグループ) or the counter 社 (米X社), in
// kanji, katakana, Latin or a leading hiragana word, country prefixes
// (米, 英, 中…) stripped before katakana; and bare katakana names in a party
// slot (followed by と/は/が/に/から/向け…) when a ・, a descriptor
// (スタートアップのX), a country prefix or a bracketed English name marks
// them as companies, or when they follow a role noun (相手先はX で), a kanji
// descriptor glued to them (電力関連企業X) or a descriptor in apposition
// (採掘企業、X); and names in corner brackets after a descriptor in a party
// slot (AIスタートアップ「X」と), never products (GPU「B300」を). JARoleBefore reports such a role noun for the deal rules.
// A ・-joined katakana name of three or more common words ending in a
// corporate word (テキサス・グリッド・パートナーズ) is still a name.
// A capitalised name right before a site noun (campus, site, project,
// facility: "its Helios AI campus") is a place, not a company.
// English names may end in a legal form alone (Kverna ASA) and join words
// with " & ". Katakana common nouns (データセンター, コロケーション,
// ハッシュレート…) are refused, also as compounds of common words.
// A country's possessive ("Japan's Hokuriku Energy Trading") is no part of
// a name, "Bank of <Place>" keeps its place (Royal Bank of Canada), a
// generic possessive ("the Company's BUZZ") and opening participles
// (Including, Excluding, Combined, Taken) make no name, and a Title Case
// headline verb ends one unless a corporate word follows (Lone Star Land
// Partners). PlacePossessive reports such a possessive for the deal rules.
// A Title Case headline verb (Acquire, Signs, Lands…) never starts a name,
// nor does "Rule 144A" or "Securities Act" make one. A number word opening
// a name that ends in a corporate word (Two Rivers AI, First Meridian
// Capital Partners) is part of it.
// A place before a utility's trade names the utility (Kentucky Utilities,
// Georgia Power & Light), and "Companies" after one proper word ends a
// group's name (Hollin Companies).
// A former name written beside the current one ("X (formerly Y)", "X,
// formerly known as Y,", "Formerly known as Y, X", "Y (now X)", X(旧Y),
// Y(現X)) is the same party: Find gives both, and every other use of the
// renamed spelling, the identity the list knows, else the current name's.
// FindTokens adds kagome's 名詞,固有名詞,組織 tokens. CapitalizedAt reads an
// English capitalised name at a position, for the deal rules' frames.
//
// Files:
//   - companies.yaml: the built-in gazetteer data.
//   - gazetteer.go: Entry, Gazetteer, Builtin, LoadFile, Canonical, Role.
//   - match.go: Mention, Find and the alias matcher.
//   - unknown.go: unknown English organisations, CapitalizedAt, kagome
//     tokens (FromTokens), stop words.
//   - former.go: former names written beside the current one.
//   - ja.go: unknown Japanese organisations (legal forms, group words, 社,
//     bare katakana names).
//   - kanastop.go: katakana common nouns and the compound splitter.
package org
