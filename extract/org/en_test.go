package org

import "testing"

func TestFindEnglishUnknown(t *testing.T) {
	g := builtin(t)
	tests := []struct {
		name, in, want string
	}{
		{"connector del", "The buyer, Lima-based Nube Digital del Sur, paid cash.", "Nube Digital del Sur?"},
		{"mid-sentence New opens the name", "sold its stake to New Dawn Energy & Digital for $70 million", "New Dawn Energy & Digital?"},
		{"sentence-initial New is no part of a name", "New Fjordhash Capital plans were shown.", "Fjordhash Capital?"},
		{"connector de la", "a loan from Banco de la Plata Capital", "Banco de la Plata Capital?"},
		{"a name its acronym defines, lower-case words giving letters", "Caisse de gestion et placement du Nordland (CGPN) will lend $10 million.", "Caisse de gestion et placement du Nordland?"},
		{"based descriptor", "sold to Oslo-based Fjordhash for $10 million", "Fjordhash?"},
		{"trading house descriptor", "signed with Korean trading house Hanbit Corp. on Monday", "Hanbit?"},
		{"startup descriptor", "a lease with AI startup Quillon for 20 MW", "Quillon?"},
		{"research firm is a source", "according to research firm Minerstats Index", ""},
		{"descriptor set off by a comma", "bought land from real estate company, Harrowgate Developers (Lodha) for cash", "Harrowgate Developers?"},
		{"plural descriptor set off by a comma", "will acquire one of its largest rivals, Quellmark Fabrication, in a deal", "Quellmark Fabrication?"},
		{"a source set off by a comma is still a source", "according to a research firm, Minerstats Index", ""},
		{"a plural word that is no descriptor", "ahead of the holidays, Quellmark Fabrication said", ""},
		{"subsidiary is not a party", "its subsidiary Blue Ridge Centers signed", ""},
		{"the buyer is not an org", "The Buyer agreed; the Company said", ""},
		{"nationality alone", "Japanese lenders and Canadian miners", ""},
		{"ticker after name", "Zorvia Technologies, Inc. (NASDAQ: ZRV) said", "Zorvia Technologies?"},
		{"accented name", "financing from Énergie Boréale Capital", "Énergie Boréale Capital?"},
		{"macquarie units", "Macquarie Asset Management and Macquarie", "Macquarie Asset Management|Macquarie Group"},
		{"norwegian AS legal form", "agreed to buy Polar Fjord AS, an operator", "Polar Fjord?"},
		{"common words before a legal form are the name", "Ridge Lane Miners, Inc. (OTCPK: RLMX) agreed to buy a site", "Ridge Lane Miners?"},
		{"Company ending a name is part of its mention", "approved an agreement between Ridge Lane Power Company and Pine Valley Electric Cooperative", "Ridge Lane Power Company?|Pine Valley Electric Cooperative?"},
		{"Company after generic words makes no name", "Bitcoin Mining Company Invests in GPUs", ""},
		{"an adverb opening the sentence is no part of a name", "Then Ridge Lane Miners Inc. agreed to buy a site", "Ridge Lane Miners?"},
		{"lowercase as is a word", "rose as Polar Fjord said", ""},
		{"named campus is a site", "financing for the Borealis AI campus in Quebec", ""},
		{"named project is a site", "to build the Tamarack Partners project near Reno", ""},
		{"name before another word stays", "a lease with Borealis AI covering 40 MW", "Borealis AI?"},
		{"bank of a place", "a syndicate led by Bank of Quebec Mellon and Royal Bank of Canada to fund it", "Bank of Quebec Mellon?|Royal Bank of Canada?"},
		{"an ampersand before the legal form", "a deal led by Quarry & Co Inc and others", "Quarry?"},
		{"ordinal opening a bank's name", "a revolving loan with First Prairie Bank of Omaha at SOFR", "First Prairie Bank of Omaha?"},
		{"model-like word before a corporate end", "Bitfarms partnered with T7 Data Centers to build", "Bitfarms|T7 Data Centers?"},
		{"former name with the ticker", "Marathon renewed its hosting deal with Applied Blockchain (APLD) in 2022.", "MARA|Applied Digital"},
		{"country possessive is no part", "Cipher and Norway's Tinde Power Trading will form", "Cipher Digital|Tinde Power Trading?"},
		{"participle opens no name", "Including Two Options, the lease runs", ""},
		{"number word opens a name", "a stake in Three Cedars Compute, a startup", "Three Cedars Compute?"},
		{"number word then stop words only", "Two Bitcoin Miners Capital rose", ""},
		{"number word before a plain name", "First Quarter results beat estimates", ""},
		{"SPAC is a description", "Quillon Digital to Go Public Through Merger with SPAC Harrowgate Acquisition Corp", "Quillon Digital?|Harrowgate Acquisition?"},
		{"demonym before generic words is the name's", "Ethiopian Sovereign Wealth Fund to Start Mining", "Ethiopian Sovereign Wealth Fund?"},
		{"demonym before a distinct name is not", "a deal with Norwegian Tinde Power Trading on", "Tinde Power Trading?"},
		{"a capitalised description is no name", "In May, Canadian Crypto Mining Company said the loan was $50 million.", ""},
		{"a distinct word makes it a name", "In May, Quillon Mining Company said the loan was $50 million.", "Quillon Mining Company?"},
		{"compass word opening a company's name", "signed with West Fjord Group on Monday", "West Fjord Group?"},
		{"compass word opening a place", "signed in West Virginia on Monday", ""},
		{"through opens no name", "Quillon Digital to Go Public Through SPAC Merger", "Quillon Digital?"},
		{"operators and investors the list knows", "Elliott sold its stake in Kao Data to Actis", "Elliott Investment Management|Kao Data|Actis"},
		{"a named company's unit", "is borrowing $9 million from Harbor Group's mining subsidiary Pinecrest this year", "Harbor Group?|Pinecrest?"},
		{"the company's own unit is none", "the Company's mining subsidiary Pinecrest signed", ""},
		{"a Title Case headline's preposition ends a name", "Quillon Digital Acquires Harrowgate Labs In Landmark $40M Deal", "Quillon Digital?|Harrowgate Labs?"},
		{"a headline's participle ends a name", "Harbor Funds $2B For Quillon Capital Group Leased To Its Tenant", "Quillon Capital Group?"},
		{"a Norwegian legal form is no preposition", "to acquire Tydal Data Center AS from its owners", "Tydal Data Center?"},
		{"a company called X", "the lab agreed to acquire a company called Quillon to train models", "Quillon?"},
		{"a startup named X", "it bought a startup named Harrowgate in May", "Harrowgate?"},
		{"a framework of rules is no organisation", "The bond follows the Technical Screening Criteria of the Nordic Taxonomy for Green Finance.", ""},
		{"a post's organisation after its of", "said Mara Quell, Managing Director of Harrowgate Capital, on Monday", "Harrowgate Capital?"},
		{"a minister's field is no organisation", "Minister of Communications and Informatics Dara Quell visited", ""},
		{"a job title is no organisation", "Mara Quell, Group Head of Sector Solutions at Quarry Bank, said", "Quarry Bank?"},
		{"a bank's corporate and investment unit is one name", "lenders include Harrowgate Corporate and Investment Bank and others", "Harrowgate Corporate and Investment Bank?"},
		{"a headline's gerund opens no name", "Quillon Digital Secures $110M for Expanding Texas Bitcoin Mining", "Quillon Digital?"},
		{"a region is no organisation", "a landmark project for the Far East and all of Russia", ""},
		{"generative AI is no organisation", "used by Gen AI video startup Quillon Labs", "Quillon Labs?"},
		{"chips after a company's name are its product", "a $3 billion package to buy Harrowgate Labs TPUs for the lab", "Harrowgate Labs?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.Find(tt.in)
			if names(got) != tt.want {
				t.Errorf("Find(%q) = %q, want %q", tt.in, names(got), tt.want)
			}
		})
	}
}

func TestCapitalizedAtDescriptor(t *testing.T) {
	tests := []struct {
		in   string
		pos  int
		want string
		ok   bool
	}{
		{"with Japanese trading house Marunaka Corp. to", 5, "Marunaka", true},
		{"with AI cloud platform Zephyrus for", 5, "Zephyrus", true},
		{"to a local operator for $30 million", 3, "", false},
		{"by research firm Minerstats Index", 3, "", false},
		{"with Oslo-based Fjordhash", 5, "Fjordhash", true},
		{"for the Company's Tessel Grid subsidiary", 4, "", false},
		{"by Royal Bank of Canada to", 3, "Royal Bank of Canada", true},
		{"for Helix AI campus expansion", 4, "", false},
		{"for Helix AI to rent", 4, "Helix AI", true},
		{"with Zento42, a unit of", 5, "Zento42", true},
		{"with XE9680L servers", 5, "", false},
		{"with GB300 racks", 5, "", false},
		{"from Compute North.", 5, "Compute North", true},
		{"Zephyrus Partners with Fjordhash on AI Hosting", 0, "Zephyrus", true},
		{"a lease with Harbor Capital Partners with support", 13, "Harbor Capital Partners", true},
		{"from North Dakota.", 5, "", false},
		{"to Go Public Through SPAC Merger", 13, "", false},
		{"a merger with SPAC Harrowgate Acquisition Corp", 14, "Harrowgate Acquisition", true},
		// A possessive ends the name; a country's opens the next one.
		{"will host Zephyrus's AI workloads", 10, "Zephyrus", true},
		{"will host Zephyrus’s AI workloads", 10, "Zephyrus", true},
		{"founders of Indonesia's PT Lintasnet", 12, "PT Lintasnet", true},
		// A facility word opens a site's or a project's name, not an
		// organisation's after it.
		{"funding of Project Dorothy 2 and more", 11, "", false},
		{"said Managing Director of Harrowgate Capital", 5, "Harrowgate Capital", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m, ok := CapitalizedAt(tt.in, tt.pos)
			if ok != tt.ok || m.Name != tt.want {
				t.Errorf("CapitalizedAt = %q,%v, want %q,%v", m.Name, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestDefinedTerms(t *testing.T) {
	g := builtin(t)
	tests := []struct {
		name, in, want string
	}{
		{"ticker and quoted term", `Zorvia Technologies, Inc. (NASDAQ: ZRV) ("Zorvia" or the "Company") today said Zorvia signed; ZRV rose.`,
			"Zorvia Technologies?|Zorvia Technologies?|Zorvia Technologies?"},
		{"curly quotes", "Kestrel Data Partners LLC (“Kestrel”) agreed. Kestrel will pay.", "Kestrel Data Partners?|Kestrel Data Partners?"},
		{"no inner word match", `Orbis Power Corp. ("Orbis") and Orbisa met.`, "Orbis Power?"},
		{"full name again is one mention", `Pell Grid Inc. ("Pell") said Pell Grid Inc. agreed.`, "Pell Grid?|Pell Grid?"},
		{"acronym across and", "Fjell Holding and Investments (FHI) signed. Later FHI paid.", "Fjell Holding and Investments?|Fjell Holding and Investments?"},
		{"acronym with de", "Compañía Nacional de Energía (CNDE) sells power.", "Compañía Nacional de Energía?"},
		{"acronym not spelled", "Fjell Holding and Investments (QWV) signed.", ""},
		{"acronym of a kind of company", "a deal with Small Modular Reactor (SMR) firm Pinecrest Atomics Inc. The SMR deal is a first.", "Pinecrest Atomics?"},
		{"described in a filing", "Kestrel Data Partners, LLC, a limited liability company organized under the laws of Delaware (the “Lessee”) agreed. The Lessee will pay.",
			"Kestrel Data Partners?|Kestrel Data Partners?"},
		{"description naming another company", "Kestrel Data Partners, LLC, a unit of Orbis Power Corp. (the “Lessee”) agreed. The Lessee will pay.", "Kestrel Data Partners?|Orbis Power?|Orbis Power?"},
		{"party role term", "Kestrel Data Partners Limited (“Seller”) agreed. Seller will ship.", "Kestrel Data Partners?|Kestrel Data Partners?"},
		{"known name's term", "Riot agreed to buy machines from Bitmain (“Seller”). Seller will ship.", "Riot Platforms|Bitmain|Bitmain"},
		{"company is not a term", `Talon Mining Corp. (the "Company") said the Company grew.`, "Talon Mining?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.Find(tt.in)
			if names(got) != tt.want {
				t.Errorf("Find(%q) = %q, want %q", tt.in, names(got), tt.want)
			}
			for _, m := range got {
				if tt.in[m.Span[0]:m.Span[1]] != m.Text {
					t.Errorf("span %v text %q, want %q", m.Span, tt.in[m.Span[0]:m.Span[1]], m.Text)
				}
			}
		})
	}
}

// TestFormerNames: a former name written beside the current one is the
// same party, under the name the list knows, else the current one; other
// uses of the former spelling follow it.
func TestFormerNames(t *testing.T) {
	g := builtin(t)
	tests := []struct {
		name, in, want string
	}{
		{"formerly in brackets", "Verlo Compute (formerly Pinegate Mining) signed. Pinegate Mining paid.", "Verlo Compute?|Verlo Compute?|Verlo Compute?"},
		{"formerly known as, comma", "Verlo Compute, formerly known as Pinegate Mining, signed.", "Verlo Compute?|Verlo Compute?"},
		{"opener before the former name", "Formerly known as Pinegate Mining, NYSE-listed Verlo Compute teamed up.", "Verlo Compute?|Verlo Compute?"},
		{"now after the former name", "Pinegate Mining (now Verlo Compute) signed.", "Verlo Compute?|Verlo Compute?"},
		{"the list's name wins", "Marathon Patent Group, now known as Vantor Compute, signed.", "MARA|MARA"},
		{"two known companies stay apart", "Riot Platforms (formerly Bitfarms) is wrong but kept.", "Riot Platforms|Bitfarms"},
		{"a person's former employer", "Ann Vole, formerly of Pinegate Mining, joined Verlo Compute.", "Pinegate Mining?|Verlo Compute?"},
		{"a possessive after now", "Pinegate Mining, now Verlo Compute's largest holder, sold.", "Pinegate Mining?|Verlo Compute?"},
		{"Japanese 旧", "Verlo Compute(旧Pinegate Mining)が買った。", "Verlo Compute?|Verlo Compute?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.Find(tt.in)
			if names(got) != tt.want {
				t.Errorf("Find(%q) = %q, want %q", tt.in, names(got), tt.want)
			}
		})
	}
}

// TestCurlyApostrophe: a known name written with a curly apostrophe is
// matched whole, not cut at the apostrophe.
func TestCurlyApostrophe(t *testing.T) {
	g := builtin(t)
	in := "a round led by Ontario Teachers’ Pension Plan in May"
	got := g.Find(in)
	if len(got) != 1 || got[0].Text != "Ontario Teachers’ Pension Plan" || !got[0].Known {
		t.Errorf("Find(%q) = %+v, want the whole known name", in, got)
	}
}

func TestGivenName(t *testing.T) {
	for _, tc := range []struct {
		w    string
		want bool
	}{{"Kevin", true}, {"Rishi", true}, {"Bharti", false}, {"Sharon", false}, {"kevin", false}, {"Northwind", false}} {
		if got := GivenName(tc.w); got != tc.want {
			t.Errorf("GivenName(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}

func TestWordDigitName(t *testing.T) {
	for w, want := range map[string]bool{"Data4": true, "Core42": true, "GB300": false, "S21": false, "H100": false,
		"COVID19": false, "data4": false, "Data": false, "": false} {
		if got := WordDigitName(w); got != want {
			t.Errorf("WordDigitName(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestStopNames: a deal's or a field's common noun, a defined agreement and
// a Japanese word for a big company name no organisation by themselves.
func TestStopNames(t *testing.T) {
	for _, n := range []string{"Acquisition", "Working Capital", "Artificial Intelligence", "Private Placement", "Term Sheet", "Gen AI", "Far East", "巨人"} {
		if !IsStop(n) {
			t.Errorf("IsStop(%q) = false, want true", n)
		}
	}
	for _, n := range []string{"Harrowgate Capital", "Acquisition Corp"} {
		if IsStop(n) {
			t.Errorf("IsStop(%q) = true, want false", n)
		}
	}
}
