package deal

import (
	"github.com/kozan-dev/kozan/extract/org"
)

// label is the grammatical role of an organisation mention in its sentence.
type label uint8

const (
	lPlain label = iota // no marker
	lSubj               // Xは, Xが, "X signed", "X:" headings
	lPairA              // the first of "XとY", "X and Y"
	lPairB              // the second of a pair
	lCP                 // Xと, Xとの, Xから, Xに, "with X", "from X", "by X"
	lDat                // Xに (a recipient: buyer, investee)
	lObj                // Xを, "acquire X"
	lInv                // "invest in X", "stake in X": X is the company
	lPoss               // Xの, "X's"
)

// mention is an organisation mention with its role.
type mention struct {
	org.Mention
	label label
	wa    bool // Japanese subject marked with は (the sentence topic), not が
	miner bool
	weak  bool // an unknown name from kagome or a capitalised frame
	// passive marks the recipient of a passive verb ("was extended to X").
	passive bool
	// funder marks the one leading a financing ("…notes, JPMorgan-led"):
	// its money goes to someone else.
	funder bool
}
