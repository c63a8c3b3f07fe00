package org

import (
	_ "embed"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kozan-dev/kozan/extract/jtok"
	kztext "github.com/kozan-dev/kozan/extract/text"
)

// corporate words end an English organisation name ("Two Prime Capital",
// "Acme Technologies Inc.").
var corporate = map[string]bool{
	"inc": true, "corp": true, "corporation": true, "ltd": true, "llc": true, "lp": true, "plc": true,
	"limited": true, "holdings": true, "capital": true, "partners": true, "ai": true, "technologies": true,
	"technology": true, "energy": true, "group": true, "labs": true, "bank": true, "infrastructure": true,
	"networks": true, "systems": true, "power": true, "cloud": true, "computing": true, "ventures": true,
	"management": true, "fund": true, "trust": true, "financial": true, "securities": true, "compute": true,
	"electric": true, "utilities": true, "mining": true, "solutions": true, "gmbh": true, "ag": true,
	"co": true, "company": true, "investments": true, "advisors": true, "data": true, "digital": true,
	"platforms": true, "industries": true, "resources": true, "datacenters": true, "bitcoin": true,
	"trading": true, "cooperative": true, "co-operative": true,
}

// legal forms are dropped from an unknown organisation's name.
var legal = map[string]bool{
	"inc": true, "corp": true, "corporation": true, "ltd": true, "llc": true, "lp": true, "plc": true,
	"limited": true, "gmbh": true, "ag": true, "co": true, "sa": true, "nv": true,
	// Nordic, Dutch, Italian, Australian, Japanese and European forms.
	"as": true, "asa": true, "ab": true, "oy": true, "oyj": true, "bv": true, "spa": true, "srl": true,
	"se": true, "pty": true, "kk": true, "llp": true, "aps": true, "sarl": true, "sas": true,
	// Singapore and Malaysia (Pte Ltd, Sdn Bhd) and a US bank's N.A.
	"pte": true, "bhd": true, "sdn": true, "n.a": true,
	// India (Pvt Ltd).
	"pvt": true,
}

// stopWords are capitalised words that do not start or make an
// organisation name by themselves.
var stopWords = map[string]bool{
	"the": true, "during": true, "despite": true, "since": true, "until": true, "before": true, "rival": true,
	"unlike": true, "like": true, "following": true, "including": true, "excluding": true, "combined": true,
	"together": true, "taken": true, "assuming": true, "upon": true, "pursuant": true, "given": true, "amid": true, "a": true, "an": true, "in": true, "on": true, "at": true, "for": true, "with": true,
	"by": true, "from": true, "to": true, "of": true, "and": true, "or": true, "as": true, "its": true,
	"their": true, "this": true, "that": true, "these": true, "those": true, "it": true, "he": true,
	"she": true, "they": true, "we": true, "our": true, "after": true, "under": true, "according": true,
	"shares": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "q1": true, "q2": true, "q3": true, "q4": true, "u.s": true, "u.k": true, "u.a.e": true, "e.u": true, "uae": true, "uk": true,
	"us": true, "usa": true, "texas": true, "canada": true, "japan": true, "china": true, "north": true,
	"south": true, "east": true, "west": true, "new": true, "chief": true, "ceo": true, "cfo": true,
	"islamic": true, "sharia": true, "shariah": true, "bitcoin": true, "btc": true, "ai": true, "hpc": true, "gpu": true, "gpus": true, "mw": true, "gw": true,
	"eh": true, "ipo": true, "etf": true, "hodl": true, "leed": true, "breeam": true, "atm": true, "atms": true, "cmbs": true, "spac": true, "spacs": true, "through": true, "via": true, "abs": true, "rmbs": true, "clo": true, "clos": true, "sec": true, "nasdaq": true, "nyse": true, "read": true, "also": true,
	"meanwhile": true, "however": true, "then": true, "separately": true, "additionally": true, "furthermore": true, "moreover": true, "later": true, "today": true, "yesterday": true, "recently": true, "previously": true, "finally": true, "but": true, "while": true, "if": true, "when": true,
	"deal": true, "agreement": true, "contract": true, "lease": true, "data": true, "center": true,
	"centers": true, "mr": true, "ms": true, "dr": true, "president": true, "founder": true, "analyst": true,
	"analysts": true, "investors": true, "miners": true, "miner": true, "company": true, "firm": true,
	"press": true, "release": true, "news": true, "update": true, "breaking": true, "exclusive": true,
	"report": true, "reports": true, "server": true, "servers": true, "source": true, "sources": true,
	"earlier": true, "last": true, "next": true, "first": true, "second": true, "third": true, "fourth": true,
	"fiscal": true, "full": true, "year": true, "quarter": true, "h1": true, "h2": true, "total": true,
	"revenue": true, "here": true, "what": true, "why": true, "how": true, "who": true, "all": true,
	"both": true, "each": true, "some": true, "one": true, "two": true, "three": true, "several": true,
	"other": true, "senior": true, "secured": true, "convertible": true, "notes": true, "term": true,
	"loan": true, "credit": true, "facility": true, "series": true, "ethereum": true, "eth": true,
	"buyer": true, "seller": true, "purchaser": true, "acquirer": true, "lender": true, "lenders": true,
	"borrower": true, "issuer": true, "customer": true, "customers": true, "tenant": true, "tenants": true,
	"parties": true, "companies": true, "board": true, "directors": true,
	"transaction": true, "merger": true, "offering": true, "closing": true, "agreements": true, "terms": true,
	"japanese": true, "american": true, "chinese": true, "canadian": true, "british": true, "german": true,
	"french": true, "australian": true, "korean": true, "taiwanese": true, "singaporean": true, "norwegian": true,
	"swedish": true, "european": true, "asian": true, "nordic": true, "indian": true, "saudi": true, "emirati": true,
	"paraguayan": true, "brazilian": true, "mexican": true, "swiss": true, "dutch": true, "irish": true,
	"finnish": true, "icelandic": true, "kazakh": true, "ethiopian": true, "malaysian": true, "thai": true,
	// Chips a company's name may be written before ("Google TPUs"), and
	// whole names that are a technology or a region, not a party.
	"tpu": true, "tpus": true, "asics": true, "gen ai": true, "genai": true, "generative ai": true,
	"far east": true, "middle east": true,
	// Defined terms of a filing ("Pursuant to the Private Placement"):
	// agreements and offerings, not organisations.
	"private placement": true, "term sheet": true, "purchase agreement": true, "credit agreement": true,
	"loan agreement": true, "merger agreement": true, "securities purchase agreement": true, "registered direct offering": true,
	// A deal's or a field's common noun opening a bullet or standing in
	// a body's name ("Acquisition worth $125M", "the Working Capital
	// Loan", "Authority for Data and Artificial Intelligence").
	"acquisition": true, "divestiture": true, "working capital": true, "artificial intelligence": true,
}

// placeEnds end the names of oil and gas fields and basins, not of
// organisations: "Bakken Shale Basin", "Permian Basin".
var placeEnds = map[string]bool{"basin": true, "shale": true, "oilfield": true}

// documentEnds end the names of rules, laws and frameworks, not of
// organisations: "Technical Screening Criteria", "Green Financing
// Framework", "Inflation Reduction Act".
var documentEnds = map[string]bool{"criteria": true, "guidelines": true, "principles": true, "framework": true,
	"taxonomy": true, "regulations": true, "act": true, "tracker": true}

// titleWords name a person's post; before "of" they open a job title, not
// an organisation ("Group Head of Sector Solutions", "Director of Finance").
var titleWords = map[string]bool{"head": true, "director": true, "officer": true, "president": true, "chairman": true,
	"chairwoman": true, "chair": true, "secretary": true, "minister": true, "governor": true, "manager": true}

// facilityWords open the names of sites, projects and tranches, not of
// organisations.
var facilityWords = map[string]bool{"project": true, "phase": true, "campus": true, "site": true, "plant": true,
	"facility": true, "building": true, "tranche": true}

// domainTitles are the posts whose "of" names a field, not an
// organisation ("Head of Research", "Minister of Finance").
var domainTitles = map[string]bool{"head": true, "minister": true, "secretary": true, "governor": true}

// FieldOfPost reports a post whose "of" names a field written right before
// pos ("Head of |Sector Solutions", "Minister of |Communications"): the
// words at pos name no organisation.
func FieldOfPost(text string, pos int) bool {
	b, ok := strings.CutSuffix(text[:pos], " of ")
	if !ok {
		return false
	}
	w := b[strings.LastIndexByte(b, ' ')+1:]
	return capitalised(w) && domainTitles[strings.ToLower(w)]
}

// headlineGerunds open a Title Case headline's phrase, never a name
// ("…Secures $110M for Expanding US Bitcoin Mining").
var headlineGerunds = map[string]bool{"expanding": true, "building": true, "launching": true, "powering": true,
	"boosting": true, "fueling": true, "fuelling": true, "accelerating": true, "scaling": true, "driving": true,
	"supporting": true, "funding": true, "financing": true, "growing": true, "developing": true, "advancing": true,
	"bringing": true, "securing": true, "acquiring": true, "buying": true, "selling": true, "leasing": true,
	"strengthening": true, "enabling": true, "transforming": true, "creating": true, "delivering": true, "deploying": true}

// jaStop are Japanese or Latin tokens kagome may tag as organisations that
// are not parties of a deal.
var jaStop = map[string]bool{
	"ai": true, "hpc": true, "btc": true, "eth": true, "gpu": true, "gpus": true, "cpu": true, "asic": true,
	"mw": true, "gw": true, "kw": true, "mwh": true, "eh": true, "ph": true, "th": true, "zh": true, "s": true,
	"ceo": true, "cfo": true, "coo": true, "cto": true, "ipo": true, "etf": true, "sec": true, "it": true,
	"pow": true, "pos": true, "usd": true, "jpy": true, "us": true, "m&a": true, "chapter": true, "s&p": true,
	"q1": true, "q2": true, "q3": true, "q4": true, "nasdaq": true, "nyse": true, "dc": true, "api": true,
	"llm": true, "ml": true, "saas": true, "capex": true, "ebitda": true, "esg": true, "ppa": true,
	"自社": true, "同社": true, "両社": true, "当社": true, "各社": true, "他社": true, "本社": true, "子会社": true,
	"親会社": true, "会社": true, "企業": true, "政府": true, "日銀": true, "米国": true, "日本": true,
	"中国": true, "国内": true, "海外": true, "市場": true, "取引所": true, "委員会": true, "証券取引委員会": true,
	"連邦": true, "議会": true, "大学": true, "ビットコイン": true, "イーサリアム": true, "データセンター": true,
	"マイニング": true, "グループ": true, "ホールディングス": true, "テキサス": true, "ナスダック": true,
	"mou": true, "loi": true, "nda": true, "tob": true, "mbo": true, "spac": true, "pr": true, "ir": true,
	"dx": true, "gx": true, "ev": true, "os": true, "pc": true, "ceo兼": true, "東証": true, "東証プライム": true,
	"東証グロース": true, "東証スタンダード": true, "金融庁": true, "経済産業省": true, "経産省": true, "総務省": true,
	"財務省": true, "内閣府": true, "環境省": true, "国土交通省": true, "証券取引所": true, "東京証券取引所": true,
	"巨人": true, "新会社": true, "合弁会社": true, "連合体": true, "企業連合": true, "投資家連合": true, "共同事業体": true, "企業連合体": true, "持株会社": true, "事業会社": true, "グループ会社": true, "関連会社": true,
	"電力会社": true, "銀行": true, "邦銀": true, "大手": true, "データセンター事業者": true, "クラウド": true,
	"サーバー": true, "電力": true, "契約": true, "事業": true, "インフラ": true, "エネルギー": true,
	"テクノロジー": true, "コロケーション": true, "ホスティング": true,
	// Terms of power and construction deals, and a holding company's
	// abbreviation standing alone (テスHD read as "HD"): no names.
	"epc": true, "epcc": true, "o&m": true, "bess": true, "fit": true, "fip": true, "spc": true, "spv": true,
	"re100": true, "pv": true, "vpp": true, "ems": true, "lng": true, "hd": true, "hds": true, "smr": true, "smrs": true,
}

// LegalForm reports a company's legal form written as a word of its name
// (Inc, Ltd., AS, Sdn, Pte), by the list the finders use.
func LegalForm(w string) bool {
	return legal[strings.ToLower(strings.TrimRight(w, "."))]
}

// isStopToken reports whether s is not a usable organisation name.
func isStopToken(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	if l == "" || jaStop[l] || stopWords[l] || legal[strings.TrimRight(l, ".")] || l == "sdn bhd" || l == "pte ltd" {
		return true // a legal form alone ("Sdn Bhd" after a katakana name) names nothing
	}
	letters := 0
	for _, r := range l {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters < 2
}

// nameEndNouns are stop words that, capitalised after a proper word, end
// an organisation's name: "IFM Investors", "Creek Road Miners",
// "Washington State Investment Board".
var nameEndNouns = map[string]bool{"investors": true, "miners": true, "board": true}

// placeWords are places and facility words: a capitalised name made only of
// them, or starting with a facility word, is not an organisation.
var placeWords = map[string]bool{
	"alabama": true, "alaska": true, "arizona": true, "arkansas": true, "california": true, "colorado": true,
	"connecticut": true, "delaware": true, "florida": true, "georgia": true, "hawaii": true, "idaho": true,
	"illinois": true, "indiana": true, "iowa": true, "kansas": true, "kentucky": true, "louisiana": true,
	"maine": true, "maryland": true, "massachusetts": true, "michigan": true, "minnesota": true, "mississippi": true,
	"missouri": true, "montana": true, "nebraska": true, "nevada": true, "hampshire": true, "jersey": true,
	"mexico": true, "york": true, "carolina": true, "dakota": true, "ohio": true, "oklahoma": true, "oregon": true,
	"pennsylvania": true, "rhode": true, "island": true, "tennessee": true, "utah": true, "vermont": true,
	"virginia": true, "washington": true, "wisconsin": true, "wyoming": true, "paraguay": true, "ethiopia": true,
	"norway": true, "sweden": true, "finland": true, "iceland": true, "kazakhstan": true, "russia": true,
	"bhutan": true, "oman": true, "uae": true, "dubai": true, "abu": true, "dhabi": true, "argentina": true,
	"brazil": true, "uruguay": true, "chile": true, "germany": true, "france": true, "britain": true, "uk": true,
	"europe": true, "asia": true, "africa": true, "america": true, "americas": true, "australia": true,
	"emea": true, "apac": true, "latam": true, "mena": true, "nordics": true, "benelux": true, // regions a market report names
	"pacific": true, "northwest": true, "midwest": true, "vegas": true, "atlanta": true, "chicago": true, "seattle": true, "boston": true,
	"las": true, "los": true, "san": true, "angeles": true, "francisco": true, "diego": true, "antonio": true, "jose": true,
	"singapore": true, "hong": true, "kong": true, "taiwan": true, "korea": true, "india": true, "london": true,
	"tokyo": true, "beijing": true, "shanghai": true, "abilene": true, "houston": true, "dallas": true,
	"austin": true, "denver": true, "miami": true, "toronto": true, "vancouver": true, "quebec": true,
	"alberta": true, "ontario": true, "manitoba": true, "columbia": true, "british": true, "latin": true,
	"project": true, "phase": true, "campus": true, "site": true, "plant": true, "facility": true, "building": true,
	"tranche": true, "class": true, "chapter": true, "section": true, "exhibit": true, "form": true, "fy": true,
	"wall": true, "street": true, "silicon": true, "valley": true, "congress": true, "senate": true,
	"federal": true, "state": true, "county": true, "city": true, "district": true, "court": true,
	// Regions and cities where data centres are built, outside North America.
	"johor": true, "selangor": true, "malaysia": true, "indonesia": true, "batam": true, "jakarta": true,
	"thailand": true, "bangkok": true, "vietnam": true, "philippines": true, "manila": true, "mumbai": true,
	"chennai": true, "hyderabad": true, "pune": true, "noida": true, "delhi": true, "bengaluru": true,
	"saudi": true, "arabia": true, "riyadh": true, "jeddah": true, "dammam": true, "qatar": true, "doha": true,
	"bahrain": true, "kuwait": true, "muscat": true, "israel": true, "egypt": true, "kenya": true, "nigeria": true,
	"lagos": true, "nairobi": true, "johannesburg": true, "spain": true, "madrid": true, "italy": true, "milan": true,
	"ireland": true, "dublin": true, "netherlands": true, "amsterdam": true, "frankfurt": true, "paris": true,
	"denmark": true, "poland": true, "warsaw": true, "portugal": true, "lisbon": true, "sydney": true,
	"melbourne": true, "canberra": true, "auckland": true, "zealand": true, "osaka": true, "seoul": true,
	"japan": true, "china": true, "canada": true, "texas": true, "mexico city": true,
	"arab": true, "emirates": true,
	// The rest of the world's countries and the cities news names beside
	// data centres: a place is never a party on its own.
	"colombia": true, "bogota": true, "bogotá": true, "medellin": true, "medellín": true, "peru": true, "lima": true,
	"ecuador": true, "venezuela": true, "bolivia": true, "panama": true, "guatemala": true, "honduras": true,
	"nicaragua": true, "cuba": true, "dominican": true, "jamaica": true, "querétaro": true, "queretaro": true,
	"monterrey": true, "guadalajara": true, "santiago": true, "buenos": true, "aires": true, "são": true, "sao": true,
	"paulo": true, "rio": true, "janeiro": true, "switzerland": true, "zurich": true, "geneva": true, "austria": true,
	"vienna": true, "belgium": true, "brussels": true, "luxembourg": true, "czech": true, "prague": true,
	"slovakia": true, "hungary": true, "budapest": true, "romania": true, "bucharest": true, "bulgaria": true,
	"greece": true, "athens": true, "turkey": true, "türkiye": true, "istanbul": true, "ukraine": true, "kyiv": true,
	"belarus": true, "lithuania": true, "latvia": true, "estonia": true, "serbia": true, "croatia": true,
	"slovenia": true, "berlin": true, "munich": true, "hamburg": true, "stockholm": true, "oslo": true,
	"helsinki": true, "copenhagen": true, "reykjavik": true, "morocco": true, "casablanca": true, "algeria": true,
	"tunisia": true, "libya": true, "ghana": true, "accra": true, "tanzania": true, "uganda": true, "rwanda": true,
	"kigali": true, "angola": true, "zambia": true, "zimbabwe": true, "mozambique": true, "namibia": true,
	"botswana": true, "senegal": true, "cameroon": true, "cairo": true, "pakistan": true, "karachi": true,
	"bangladesh": true, "dhaka": true, "sri": true, "lanka": true, "colombo": true, "nepal": true, "myanmar": true,
	"cambodia": true, "laos": true, "mongolia": true, "iran": true, "iraq": true, "jordan": true, "lebanon": true,
	"syria": true, "yemen": true, "kyrgyzstan": true, "uzbekistan": true, "turkmenistan": true, "tajikistan": true,
	"armenia": true, "azerbaijan": true, "hanoi": true, "taipei": true, "shenzhen": true, "guangzhou": true,
	"hangzhou": true, "chengdu": true, "tianjin": true, "xinjiang": true, "sichuan": true, "yunnan": true,
	"mongolian": true, "inner": true, "kuala": true, "lumpur": true, "perth": true, "brisbane": true,
	"surabaya": true, "semarang": true, "medan": true, "makassar": true, "bandung": true, "cyberjaya": true, "penang": true,
}

// IsStop reports whether name is a word that never names an organisation
// (AI, HPC, BTC, CEO, 同社…).
func IsStop(name string) bool { return isStopToken(name) }

// OnlyStopOrPlace reports words that are each a stop word or a place's
// (EMEA, Midwest, Texas): together they name no organisation.
func OnlyStopOrPlace(ws []string) bool { return allStopWords(ws) }

// wordAt returns the English word starting at i (letters, digits, and
// inner '&', '.', '\” ), and its end.
func wordAt(text string, i int) (string, int) {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if isLatin(r) || r == '&' && j > i || (r == '.' || r == '\'' || r == '’') && j > i && j+n < len(text) && isLatinAt(text, j+n) {
			j += n
			continue
		}
		if r == '-' && j > i && j+1 < len(text) && text[j+1] >= 'A' && text[j+1] <= 'Z' && unicode.IsUpper(firstRune(text[i:])) {
			j++ // Hydro-Sherbrooke, Rolls-Royce: capitalised words joined by a hyphen are one word
			continue
		}
		break
	}
	return text[i:j], j
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isLatinAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isLatin(r)
}

// capitalised reports a word that opens on a capital, or a lower-case
// letter and then one (iXAfrica, eStruxture: names written in camel case).
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || len(w) >= 4 && w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'A' && w[1] <= 'Z' && hasLowerAfter(w[2:])
}

// hasLowerAfter reports an ASCII lower-case letter in s (iXAfrica, not
// mRNA or eVTOL).
func hasLowerAfter(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return true
		}
	}
	return false
}

func allDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// capitalisedAhead reports a capitalised word at i, or one after a name
// connector ("de la Plata").
func capitalisedAhead(text string, i int) bool {
	if capitalised(text[i:]) {
		return true
	}
	w, k := wordAt(text, i)
	return nameConnector[w] && k+1 < len(text) && text[k] == ' ' && capitalised(text[k+1:])
}

// nameConnector are lower-case words inside a name between capitalised ones
// ("Energía Digital del Este", "Banco de la Nación", "Van der Berg").
var nameConnector = map[string]bool{"de": true, "del": true, "della": true, "di": true, "da": true, "do": true,
	"dos": true, "das": true, "du": true, "des": true, "la": true, "le": true, "van": true, "von": true, "der": true,
	"den": true, "y": true, "e": true, "al": true, "bin": true}

// demonyms are the adjectives of nations and regions (lower-cased): a
// description of a name ("Japanese trading house Sojitz"), never a name.
var demonyms = map[string]bool{
	"african": true, "algerian": true, "american": true, "angolan": true, "argentine": true, "armenian": true,
	"asian": true, "australian": true, "austrian": true, "bahraini": true, "bangladeshi": true,
	"belgian": true, "bhutanese": true, "brazilian": true, "british": true, "bulgarian": true, "burmese": true,
	"cambodian": true, "canadian": true, "chilean": true, "chinese": true, "colombian": true, "croatian": true,
	"czech": true, "danish": true, "dutch": true, "egyptian": true, "emirati": true, "emirian": true, "estonian": true,
	"ethiopian": true, "european": true, "filipino": true, "finnish": true, "french": true, "georgian": true,
	"german": true, "ghanaian": true, "greek": true, "hong konger": true, "hungarian": true, "icelander": true,
	"icelandic": true, "indian": true, "indonesian": true, "iranian": true, "iraqi": true, "irish": true,
	"israeli": true, "italian": true, "japanese": true, "jordanian": true, "kazakh": true, "kenyan": true,
	"korean": true, "kuwaiti": true, "laotian": true, "latin american": true, "latvian": true, "lebanese": true,
	"lithuanian": true, "macanese": true, "malaysian": true, "mexican": true, "middle eastern": true, "mongolian": true,
	"moroccan": true, "nepali": true, "nigerian": true, "nordic": true, "north american": true, "norwegian": true,
	"omani": true, "pakistani": true, "paraguayan": true, "peruvian": true, "philippine": true, "polish": true,
	"portuguese": true, "qatari": true, "romanian": true, "russian": true, "rwandan": true, "saudi": true,
	"scandinavian": true, "scottish": true, "serbian": true, "singaporean": true, "slovak": true, "south": true,
	"south african": true, "spanish": true, "sri lankan": true, "swedish": true, "swiss": true, "taiwanese": true,
	"tanzanian": true, "texan": true, "thai": true, "tunisian": true, "turkish": true, "ugandan": true,
	"ukrainian": true, "uruguayan": true, "uzbek": true, "venezuelan": true, "vietnamese": true, "welsh": true,
	"zambian": true,
}

// IsDemonym reports the adjective of a nation or a region, in any case
// ("Japanese", "South African").
func IsDemonym(w string) bool { return demonyms[strings.ToLower(w)] }

// givenNamesText is given_names.txt: common given names, one per line.
//
//go:embed given_names.txt
var givenNamesText string

var givenNames = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(givenNamesText, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}()

// GivenName reports a common given name as written ("Kevin", "Rishi"):
// before a capitalised word it makes a person's name.
func GivenName(w string) bool { return givenNames[w] }

// CorporateWord reports a word that makes a capitalised sequence an
// organisation's name (Capital, Mining, Inc…).
func CorporateWord(w string) bool {
	l := strings.ToLower(strings.TrimRight(w, ".,"))
	return corporate[l] || legal[l]
}

// nationality words (and "X-based", "X-listed") describe a company before
// its name ("Japanese trading house Sojitz", "Asunción-based Acme"): the
// demonyms and a few more.
var nationality = func() map[string]bool {
	m := map[string]bool{"u.s.": true, "us": true, "uk": true, "texas": true, "local": true, "private": true, "public": true, "listed": true, "new": true}
	for w := range demonyms {
		m[w] = true
	}
	return m
}()

// descriptorHeads end a description before a company name ("trading house
// Sojitz", "AI cloud startup Zephyr"); units and subsidiaries are left out
// (their parent reports the deal).
var descriptorHeads = map[string]bool{"house": true, "firm": true, "company": true, "miner": true, "operator": true,
	"startup": true, "start-up": true, "developer": true, "provider": true, "platform": true, "bank": true,
	"lender": true, "giant": true, "manager": true, "investor": true, "utility": true, "conglomerate": true,
	"maker": true, "chipmaker": true, "producer": true, "owner": true, "specialist": true, "hyperscaler": true,
	"lab": true, "consortium": true, "neocloud": true, "builder": true, "supplier": true, "vendor": true,
	"insurer": true, "retailer": true, "exchange": true, "peer": true, "rival": true, "outfit": true,
	"player": true, "group": true, "fund": true, "automaker": true, "carmaker": true, "host": true,
	"shareholder": true, "backer": true, "tenant": true, "customer": true, "business": true, "reit": true,
	"partner": true, "landlord": true, "seller": true, "buyer": true, "acquirer": true, "telco": true,
	"generator": true, "carrier": true, "integrator": true, "manufacturer": true, "distributor": true, "agency": true}

// descriptorNoise are words whose descriptions name sources, not parties
// ("research firm Hashrate Index", "law firm Acme").
var descriptorNoise = map[string]bool{"research": true, "analyst": true, "analytics": true, "law": true,
	"consulting": true, "advisory": true, "rating": true, "ratings": true, "data": false, "pr": true,
	"brokerage": true, "polling": true, "auditing": true, "accounting": true}

// unitNouns name a company as another's part or tie: after a named
// company's possessive they describe the name that follows ("Digital
// Currency Group's mining subsidiary Foundry").
var unitNouns = map[string]bool{"subsidiary": true, "unit": true, "arm": true, "affiliate": true, "division": true}

// UnitNoun reports a word naming a company as another's unit
// (subsidiary, unit, arm, affiliate, division).
func UnitNoun(w string) bool { return unitNouns[w] }

// GenericPossessive reports the possessive of a common noun standing for
// a company ("Company's", "the firm's"), in any case.
func GenericPossessive(w string) bool { return genericPossessive(w) }

// namedPossessiveBefore reports a named company's possessive among the
// last words of s ("Harbor Group's mining "), not "its" or "the
// Company's".
func namedPossessiveBefore(s string) bool {
	q := max(strings.LastIndex(s, "'s "), strings.LastIndex(s, "’s "))
	if q < 0 {
		return false
	}
	st := strings.LastIndexByte(s[:q], ' ') + 1
	w := s[st:q] + "'s"
	if !capitalised(w) {
		return false
	}
	// "Harbor Group's" names a company; "the Group's" is the company itself.
	prev := strings.TrimRight(s[:st], " ")
	prev = prev[strings.LastIndexByte(prev, ' ')+1:]
	return !genericPossessive(w) || capitalised(prev) && !strings.EqualFold(prev, "the")
}

// skipDescriptor returns the offset of a capitalised name after a
// description at i ("Japanese trading house ", "AI cloud startup "), or i.
func skipDescriptor(text string, i int) int {
	j := i
	n := 0
	for n < 6 && j < len(text) {
		w, k := wordAt(text, j)
		if w == "" || k >= len(text) || text[k] != ' ' && text[k] != '-' {
			return i
		}
		lw := strings.ToLower(w)
		if descriptorNoise[lw] {
			return i
		}
		if text[k] == '-' {
			// "Asunción-based", "Frankfurt-listed", "AI-focused".
			w2, k2 := wordAt(text, k+1)
			if w2 == "" || k2 >= len(text) || text[k2] != ' ' {
				return i
			}
			if (w2 == "based" || w2 == "listed" || w2 == "headquartered") && k2+1 < len(text) && capitalised(text[k2+1:]) {
				return k2 + 1
			}
			j, n = k2+1, n+1
			continue
		}
		switch {
		case descriptorHeads[lw] && !capitalised(w):
			if k+1 < len(text) && capitalised(text[k+1:]) {
				return k + 1
			}
			// "a company called Neptune", "a startup named Quillon".
			if w2, k2 := wordAt(text, k+1); (w2 == "called" || w2 == "named") && k2+1 < len(text) && text[k2] == ' ' && capitalised(text[k2+1:]) {
				return k2 + 1
			}
			return i
		case capitalised(w) && !(n == 0 && (nationality[lw] || stopWords[lw] || leadStrip[lw])) && !(lw == "ai" || lw == "hpc" || lw == "gpu"):
			return i
		}
		j, n = k+1, n+1
	}
	return i
}

// describedAt reports a description right before a capitalised name at
// pos ("trading house Sojitz", "Asunción-based Energía"), or set off from
// it by a comma ("real estate company, Macrotech Developers", "one of its
// largest rivals, DuPont Fabros").
func describedAt(text string, pos int) bool {
	if pos < 2 || text[pos-1] != ' ' {
		return false
	}
	b := pos - 1
	apposed := text[b-1] == ',' // "real estate company, Macrotech Developers"
	if apposed {
		b--
	}
	a := b
	for a > 0 && (isLatinAt(text, prevStart(text, a)) || text[a-1] == '-') {
		a = prevStart(text, a)
	}
	w := text[a:b]
	if !apposed && PlaceBased(w) {
		return true
	}
	if !apposed && unitNouns[w] {
		// "Harbor Group's mining subsidiary Foundry": a unit of a named
		// company (its own unit is no other party).
		return namedPossessiveBefore(text[max(0, a-60):a])
	}
	if !apposed && (w == "called" || w == "named") && a > 1 && text[a-1] == ' ' {
		// "a company called Neptune": the description is the word before.
		b, a = a-1, a-1
		for a > 0 && isLatinAt(text, prevStart(text, a)) {
			a = prevStart(text, a)
		}
		w = text[a:b]
	}
	if !descriptorHeads[w] && !(apposed && strings.HasSuffix(w, "s") && descriptorHeads[w[:len(w)-1]]) {
		return false // "its largest rivals, DuPont Fabros": one of them
	}
	// The word before the head must not make it a source ("research firm").
	if a > 1 && text[a-1] == ' ' {
		c := a - 1
		d := c
		for d > 0 && isLatinAt(text, prevStart(text, d)) {
			d = prevStart(text, d)
		}
		if descriptorNoise[strings.ToLower(text[d:c])] {
			return false
		}
	}
	return true
}

// corporateInside reports a corporate word followed by connector-joined
// words ("Energía Digital del Este", "Power Bank of Ohio").
func corporateInside(ws []string) bool {
	for i := 0; i < len(ws)-1; i++ {
		if corporate[strings.ToLower(strings.Trim(ws[i], ".,"))] {
			for _, w := range ws[i+1:] {
				if nameConnector[w] || w == "of" {
					return true
				}
			}
		}
	}
	return false
}

// allGeneric reports words that are each a stop, corporate or generic
// word (Investment Holdings, Sovereign Wealth Fund): without the demonym
// before them ("Ethiopian Investment Holdings") they name nobody.
func allGeneric(ws []string) bool {
	for _, w := range ws {
		lw := strings.ToLower(strings.TrimRight(w, ".,"))
		if !stopWords[lw] && !corporate[lw] && !legal[lw] && !genericNameWords[lw] {
			return false
		}
	}
	return len(ws) > 0
}

// industryDescriptor reports words that only say what a company does and
// that it is one ("Crypto Mining Company", "Bitcoin Mining Firm", "AI Cloud
// Provider"): a capitalised description, no name. A legal form ("Corp.",
// "Inc.") would make it a registered name.
func industryDescriptor(ws []string) bool {
	if len(ws) < 2 || !industryHeads[strings.ToLower(strings.TrimRight(ws[len(ws)-1], ".,"))] {
		return false
	}
	for _, w := range ws[:len(ws)-1] {
		if !industryWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// industryHeads are the nouns that end a capitalised description of a
// company (a few of descriptorHeads: not "group" or "fund", which end
// names too).
var industryHeads = map[string]bool{"company": true, "companies": true, "firm": true, "operator": true, "developer": true,
	"provider": true, "startup": true, "miner": true, "producer": true}

// industryWords say what a company in this field does.
var industryWords = map[string]bool{"crypto": true, "cryptocurrency": true, "bitcoin": true, "btc": true, "mining": true,
	"data": true, "center": true, "centre": true, "cloud": true, "ai": true, "computing": true, "compute": true, "hosting": true,
	"infrastructure": true, "digital": true, "asset": true, "assets": true, "gpu": true, "hpc": true, "tech": true, "technology": true}

// strongEnd are the corporate words that end only a company's name, never
// a place's or a facility's.
var strongEnd = map[string]bool{"group": true, "holdings": true, "capital": true, "partners": true, "ventures": true,
	"investments": true, "technologies": true, "corporation": true, "inc": true, "corp": true, "ltd": true, "llc": true, "plc": true}

// genericNameWords name what a state's or a country's institution does,
// not which one it is: a demonym before them is part of the name.
var genericNameWords = map[string]bool{"investment": true, "sovereign": true, "wealth": true, "national": true,
	"development": true, "state": true, "public": true, "pension": true, "petroleum": true, "oil": true, "gas": true,
	"telecom": true, "telecommunications": true, "railways": true, "electricity": true, "nuclear": true, "central": true}

// allStopWords reports names made only of stop or place words.
func allStopWords(ws []string) bool {
	for _, w := range ws {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if !stopWords[lw] && !placeWords[lw] {
			return false
		}
	}
	return true
}

// nameOpener are stop words that open a company's own name when they stand
// capitalised mid-sentence (New Era, North Bay, Texas Critical Data
// Centers); at a sentence's start they may be any word.
var nameOpener = map[string]bool{"new": true, "north": true, "south": true, "east": true, "west": true,
	"texas": true, "canada": true, "japan": true, "china": true, "first": true, "second": true, "third": true}

// startOfSentence reports a position that opens a sentence, a line or the
// text: only spaces and quotes after a stop or a line break before it.
func startOfSentence(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '"' || text[j-1] == '(') {
		j--
	}
	if j == 0 {
		return true
	}
	switch text[j-1] {
	case '.', '!', '?', '\n', ':', '-':
		return true
	}
	return false
}

// leadStrip are descriptive words a Title Case headline puts before a name.
var leadStrip = map[string]bool{"bitcoin": true, "btc": true, "crypto": true, "miner": true, "miners": true,
	"ai": true, "hpc": true, "the": true, "a": true, "an": true, "us": true, "u.s": true, "u.s.": true,
	"cloud": true, "giant": true, "operator": true, "firm": true, "company": true, "rival": true, "spac": true,
	// A post before a person's name ("CFO Jeff Lucas"): the person is no
	// organisation either, and the name left is read as a person's.
	"ceo": true, "cfo": true, "coo": true, "cto": true, "cio": true}

// midPreps are prepositions a Title Case headline capitalises mid-line
// ("Raises $28M to Expand Into Bitcoin Mining") that never open a name;
// the ones that also open sentences ("On March 3 NorthLink…") are left to
// the sentence's own reading.
var midPreps = map[string]bool{"into": true, "onto": true, "amid": true, "toward": true, "towards": true}

// headlineVerbs are deal verbs a Title Case headline capitalises before a
// name ("Bitdeer to Acquire Northfield Digital"): never a name's first word.
var headlineVerbs = map[string]bool{"acquire": true, "acquires": true, "buy": true, "buys": true, "sell": true, "sells": true,
	"sign": true, "signs": true, "inks": true, "ink": true, "lease": true, "leases": true, "raise": true, "raises": true,
	"secure": true, "secures": true, "close": true, "closes": true, "complete": true, "completes": true, "invest": true,
	"invests": true, "expand": true, "expands": true, "land": true, "lands": true, "win": true, "wins": true,
	"announce": true, "announces": true, "agree": true, "agrees": true, "merge": true, "backs": true, "back": true,
	"taps": true, "tap": true, "picks": true, "hires": true, "to": true, "with": true, "from": true, "for": true,
	"start": true, "starts": true, "launch": true, "launches": true, "begin": true, "begins": true, "plan": true, "plans": true,
	"eye": true, "eyes": true, "seek": true, "seeks": true, "unveil": true, "unveils": true, "join": true, "joins": true}

// headlinePreps are prepositions and past participles a Title Case
// headline capitalises: inside a run of capitals they end the name ("…
// Desiweminer In Landmark Deal", "… Project Leased To Oracle").
var headlinePreps = map[string]bool{"in": true, "at": true, "on": true, "by": true, "into": true, "amid": true, "after": true,
	"over": true, "as": true, "leased": true, "acquired": true, "sold": true, "signed": true, "backed": true, "funded": true,
	"financed": true, "owned": true, "operated": true, "built": true, "bought": true}

// institutionHeads end the names of public institutions that begin with a
// place ("Texas Tech University System", "Missouri Department of…").
var institutionHeads = map[string]bool{"university": true, "system": true, "authority": true, "department": true, "commission": true,
	"agency": true, "board": true, "council": true, "college": true, "institute": true}

// placeUtility reports a utility named by its place and its trade alone:
// "Kentucky Utilities", "Georgia Power", "Florida Power &
// Light". Without the place the name is a common word.
func placeUtility(words []string) bool {
	rest := words[1:]
	if len(rest) == 3 && rest[1] == "&" {
		rest = []string{rest[0], rest[2]}
	}
	if len(rest) == 0 || len(rest) > 2 {
		return false
	}
	for _, w := range rest {
		if !utilityWords[strings.ToLower(strings.TrimRight(w, ".,"))] || !capitalised(w) {
			return false
		}
	}
	return true
}

// utilityWords name a utility's trade.
var utilityWords = map[string]bool{"power": true, "utilities": true, "electric": true, "light": true, "gas": true}

// institutionNamed reports three or more words ending on an institution's
// noun: the place word opening them is part of the name.
func institutionNamed(words []string) bool {
	return len(words) >= 3 && institutionHeads[strings.ToLower(strings.TrimRight(words[len(words)-1], "."))]
}

// CapitalizedAt reads an English organisation name written as capitalised
// words starting at byte offset pos (after spaces and a leading "the"). It
// returns false when there is none or when it is only stop words (months,
// places, "AI"…); with false, a span is set only over a job title the
// words make ("Head of Sector Solutions"), which no name starts inside.
func CapitalizedAt(text string, pos int) (Mention, bool) {
	if pos < 0 || pos >= len(text) {
		return Mention{}, false
	}
	i := pos
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if strings.HasPrefix(text[i:], "the ") {
		i += 4
	}
	if k := skipDescriptor(text, i); k > i {
		i = k
	}
	start, end := i, i
	var words []string
	for i < len(text) {
		w, j := wordAt(text, i)
		if w == "" && len(words) > 0 && strings.HasPrefix(text[i:], "& ") {
			w, j = "&", i+1 // "Saguaro Water & Power"
		}
		if w == "" {
			break
		}
		lw := strings.ToLower(strings.TrimRight(w, "."))
		if len(words) > 0 && (headlineVerbs[lw] || headlinePreps[lw]) && capitalised(w) && !upperWord(w) && !corporateNext(text, j) {
			break // "Lumenhash Raise $250 Million": the headline's verb ends the name
		}
		if len(words) > 0 && len(words) <= 2 && (lw == "partners" || lw == "teams") && (start == 0 || text[start-1] == '\n') &&
			kztext.HasAnyPrefix(text[j:], " with ", " With ", " Up ", " up ") {
			// "TeraWulf Partners with Fluidstack", "Hut 8 Teams Up With…":
			// the verb of a headline that opens on its subject.
			break
		}
		switch {
		case capitalised(w) || len(words) > 0 && allDigits(w) && len(w) <= 2:
		case len(words) > 0 && (w == "&" || lw == "of" || nameConnector[w]) && j+1 < len(text) && text[j] == ' ' && capitalisedAhead(text, j+1):
		case len(words) > 0 && lw == "ai":
		case len(words) > 0 && lw == "and" && strings.EqualFold(words[len(words)-1], "corporate") && strings.HasPrefix(text[j:], " Investment Bank"):
			// "Crédit Agricole Corporate and Investment Bank": a bank's unit.
		default:
			j = -1
		}
		if j < 0 {
			break
		}
		words = append(words, w)
		end = j
		if kztext.HasAnySuffix(w, "'s", "’s") && !PlacePossessive(w) {
			// "Fluidstack's AI workloads": a possessive ends the name (a
			// country's, "Japan's Hokuriku Energy", opens one).
			break
		}
		if j < len(text) && text[j] == ' ' {
			i = j + 1
			continue
		}
		if j+1 < len(text) && text[j] == ',' && text[j+1] == ' ' {
			// "Acme, Inc." keeps the legal form.
			w2, _ := wordAt(text, j+2)
			if legal[strings.ToLower(strings.TrimRight(w2, "."))] {
				i = j + 2
				continue
			}
		}
		break
	}
	if len(words) > 0 && genericPossessive(words[0]) {
		// "the Company's BUZZ HPC subsidiary": a unit or product of the
		// company itself, not another organisation.
		return Mention{}, false
	}
	n0, first0 := len(words), ""
	if n0 > 0 {
		first0 = words[0]
	}
	// Leading stop words ("Bitcoin Miner Gryphon" in a Title Case headline)
	// and a country's possessive ("Japan's Hokuriku Energy Trading").
	for len(words) > 1 && words[1] != "of" && (leadStrip[strings.ToLower(words[0])] || placeWords[strings.ToLower(words[0])] && !institutionNamed(words) && !placeUtility(words) ||
		headlineVerbs[strings.ToLower(words[0])] || headlineGerunds[strings.ToLower(words[0])] || midPreps[strings.ToLower(words[0])] || PlacePossessive(words[0])) {
		// "City of Denton", "State of Texas": a word the "of" after it
		// belongs to stays (the whole may name a public body).
		start = strings.Index(text[start:end], words[1]) + start
		words = words[1:]
	}
	if len(words) == 0 || strings.EqualFold(words[0], "of") || len(words) < n0 && facilityWords[strings.ToLower(strings.TrimRight(first0, ".,"))] {
		// "Project Dorothy 2", "Campus Kati 1": a facility's name, not the
		// name after its facility word.
		return Mention{}, false
	}
	for k := 0; k+1 < len(words); k++ {
		if lw := strings.ToLower(words[k]); titleWords[lw] && words[k+1] == "of" {
			if domainTitles[lw] {
				// "Group Head of Sector Solutions", "Minister of
				// Communications": a post, the field after its "of" no
				// organisation either; the span tells the finder how far
				// to skip.
				return Mention{Span: [2]int{start, end}}, false
			}
			// "Managing Director of Harrowgate Capital": the name is
			// after the post.
			p := strings.Index(text[start:end], words[k]+" of ")
			if p < 0 {
				return Mention{}, false
			}
			return CapitalizedAt(text, start+p+len(words[k])+len(" of "))
		}
	}
	if lw := strings.ToLower(strings.TrimRight(words[len(words)-1], ".,")); documentEnds[lw] || placeEnds[lw] {
		return Mention{}, false
	}
	// A model number (GB300, H100, S21) is a product, not a company;
	// a word before its digits (Core42, Data7) names one.
	last := strings.ToLower(strings.TrimRight(words[len(words)-1], "."))
	corpEnd := len(words) > 1 && (corporate[last] || last == "centers" || last == "centres")
	for _, w := range words {
		if modelNumber(w) && !corpEnd { // "T5 Data Centers" is a company
			return Mention{}, false
		}
	}
	// Drop trailing legal forms, connectors and stop words, and a trailing
	// possessive.
	name := text[start:end]
	nameEnd := end
	for len(words) > 0 {
		lw := strings.ToLower(strings.TrimRight(words[len(words)-1], "."))
		if len(words) > 2 && bankOfPlace(words) {
			// "Royal Bank of Canada", "Commonwealth Bank of Australia".
			break
		}
		if len(words) > 2 && (lw == "centers" || lw == "centres") && strings.EqualFold(words[len(words)-2], "data") {
			break // "T5 Data Centers", "Aligned Data Centers": a company's name
		}
		if len(words) == 2 && (lw == "north" || lw == "south" || lw == "east" || lw == "west") && !placeWords[strings.ToLower(words[0])] &&
			!stopWords[strings.ToLower(words[0])] {
			break // "Compute North": a compass word ending a name is part of it
		}
		if first := strings.ToLower(words[0]); len(words) == 2 && corporate[lw] && !legal[lw] && !stopWords[first] && !placeWords[first] && !corporate[first] {
			break // "Pinegrove Data", "Northern Data": a corporate word ending a name is part of it
		}
		if len(words) > 1 && (legal[lw] || lw == "&" || lw == "of" || nameConnector[words[len(words)-1]] || stopWords[lw] && lw != "ai") {
			if legal[lw] && (upperWord(words[len(words)-1]) || lw != "co") || lw == "company" && end == nameEnd && !allGeneric(words[:len(words)-1]) {
				// "Polar North AS", "Creek Road Miners, Inc.", "Otter Tail
				// Power Company": the legal form ends the name (and its
				// mention); the words before it stay even when they are
				// common words.
				words = words[:len(words)-1]
				break
			}
			if lw == "companies" && end == nameEnd && len(words) == 2 && capitalised(words[0]) && !stopWords[strings.ToLower(words[0])] &&
				!placeWords[strings.ToLower(words[0])] && !allGeneric(words[:1]) {
				break // "Related Companies", "Hunt Companies": a group's name
			}
			if nameEndNouns[lw] && end == nameEnd && len(words) > 1 && !stopWords[strings.ToLower(words[len(words)-2])] && !placeWords[strings.ToLower(words[len(words)-2])] &&
				capitalised(words[len(words)-1]) && !allGeneric(words[:len(words)-1]) {
				break // "IFM Investors", "Washington State Investment Board": a capitalised group noun ends the name
			}
			if stopWords[lw] {
				end = start + strings.LastIndex(text[start:end], words[len(words)-1])
				end = len(strings.TrimRight(text[:end], " "))
			}
			words = words[:len(words)-1]
			continue
		}
		break
	}
	name = strings.Join(words, " ")
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	name = strings.TrimRight(name, ",")
	// The mention ends before the possessive too ("Bluepeak Compute's
	// rigs": the rigs are not part of the name's span).
	for _, p := range []string{"'s", "’s"} {
		if strings.HasSuffix(text[start:end], p) {
			end -= len(p)
		}
	}
	allStop := true
	fs := strings.Fields(name)
	for _, w := range fs {
		lw := strings.ToLower(strings.TrimRight(w, "."))
		if !stopWords[lw] && !placeWords[lw] {
			allStop = false
		}
	}
	if len(fs) > 0 {
		switch strings.ToLower(fs[0]) {
		case "project", "phase", "campus", "site", "plant", "facility", "building", "tranche", "class", "chapter",
			"section", "exhibit", "form", "fy", "lake", "river", "mount", "fort", "port",
			"rule", "regulation", "securities":
			allStop = true
		case "north", "south", "east", "west":
			// "North Dakota", "West Texas Hub" are places; "West Data
			// Group", "North Ridge Capital" companies.
			allStop = allStop || len(fs) < 3 || !strongEnd[strings.ToLower(strings.TrimRight(fs[len(fs)-1], "."))]
		}
	}
	if allStop || isStopToken(name) || siteAfter(text[end:]) || len(fs) == 1 && allGeneric(fs) {
		return Mention{}, false // "the Group", "the Fund": a word of a kind alone names nothing
	}
	return Mention{Name: name, Text: text[start:end], Span: [2]int{start, end}}, true
}

// corporateNext reports a corporate word after position j ("Land
// Partners": the verb-like word is inside a name).
func corporateNext(text string, j int) bool {
	if j >= len(text) || text[j] != ' ' {
		return false
	}
	w, _ := wordAt(text, j+1)
	return corporate[strings.ToLower(strings.TrimRight(w, ".,"))]
}

// genericPossessive reports the possessive of a common noun standing for
// a company ("Company's", "Firm's", "Group's").
func genericPossessive(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")) {
	case "company", "firm", "group", "miner", "operator", "issuer", "partnership", "corporation":
		return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
	}
	return false
}

// PlacePossessive reports a country's or place's possessive ("Japan's",
// "Texas'"): it describes the name after it and is no part of it.
func PlacePossessive(w string) bool {
	lw := strings.ToLower(w)
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if stem, ok := strings.CutSuffix(lw, suf); ok && stem != "" {
			return placeWords[stem] || stopWords[stem] && !corporate[stem]
		}
	}
	return false
}

// PlaceBased reports a word that tells where a company is based
// ("Asunción-based", "Nasdaq-listed", "Hong Kong-headquartered"): it
// describes the name after it.
func PlaceBased(w string) bool {
	return kztext.HasAnySuffix(w, "-based", "-listed", "-headquartered")
}

// bankOfPlace reports a name ending in "Bank of <Place>" ("Royal Bank of
// Canada", "Bank of Montreal"): the place belongs to the bank's name.
func bankOfPlace(words []string) bool {
	n := len(words)
	last := strings.ToLower(strings.TrimRight(words[n-1], ".,"))
	return words[n-2] == "of" && strings.EqualFold(words[n-3], "bank") && (placeWords[last] || stopWords[last]) && capitalised(words[n-1])
}

// hasLetterDigit reports a word mixing letters and digits.
func hasLetterDigit(w string) bool {
	l, d := false, false
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			d = true
		case unicode.IsLetter(r):
			l = true
		}
	}
	return l && d
}

// modelNumber reports a model number: letters and digits, at most three
// letters before the first digit (GB300, H100, S21, XE9680L, M30S), not a
// word that goes on before its digits (Core42, Data7).
func modelNumber(w string) bool {
	if !hasLetterDigit(w) {
		return false
	}
	i := strings.IndexAny(w, "0123456789")
	return i <= 3 || strings.ToUpper(w[:i]) == w[:i]
}

// WordDigitName reports a capitalised word that goes on before its digits
// (Data4, Core42): a company's name, not a model number (GB300, S21).
func WordDigitName(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z' && hasLetterDigit(w) && !modelNumber(w)
}

// findUnknown finds English names with corporate words and Japanese names
// with company suffixes.
func findUnknown(text string) []Mention {
	var out []Mention
	// English: capitalised sequences whose last word is corporate.
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r >= 0x3000 || !unicode.IsUpper(r) || i > 0 && isLatinAt(text, prevStart(text, i)) {
			i += n
			continue
		}
		m, ok := CapitalizedAt(text, i)
		if !ok {
			_, j := wordAt(text, i)
			if j <= i {
				j = i + n
			}
			i = max(j, m.Span[1]) // past a post's whole title
			continue
		}
		ws := strings.Fields(m.Text)
		last := strings.ToLower(strings.TrimRight(ws[len(ws)-1], ".,"))
		// Drop sentence-initial stop words ("The Acme Capital"), but not a
		// number word opening a name ("Two Rivers AI", "First Harbor
		// Capital").
		// Mid-sentence a capitalised place or adjective opens the name
		// itself ("to New Era Energy & Digital", "in Texas Critical Data
		// Centers LLC"): only function words go there.
		mid := !startOfSentence(text, m.Span[0])
		ws = afterClock(ws)
		for len(ws) > 1 && stopWords[strings.ToLower(ws[0])] && !numberName(ws) && !(mid && nameOpener[strings.ToLower(ws[0])]) &&
			!(IsDemonym(ws[0]) && allGeneric(ws[1:])) {
			ws = ws[1:]
		}
		if industryDescriptor(ws) {
			// "Canadian Crypto Mining Company said…": what the company
			// does, capitalised, not its name.
			i = m.Span[1]
			continue
		}
		dataCenters := len(ws) >= 3 && (last == "centers" || last == "centres") && strings.EqualFold(ws[len(ws)-2], "data")
		if len(ws) >= 2 && (corporate[last] || dataCenters || corporateInside(ws) || legal[last] && (last != "as" && last != "se" || upperWord(ws[len(ws)-1]))) || len(ws) >= 1 && describedAt(text, m.Span[0]) && !allStopWords(ws) && !(len(ws) == 1 && allGeneric(ws)) {
			m.Name = trimLegal(strings.Join(ws, " "))
			first := strings.ToLower(strings.Fields(m.Name)[0])
			if !isStopToken(m.Name) && (!stopWords[first] || numberName(ws) || mid && nameOpener[first] || IsDemonym(first) && allGeneric(ws[1:])) && !siteAfter(text[m.Span[1]:]) {
				m.Span[0] = m.Span[1] - len(strings.Join(ws, " "))
				if m.Span[0] < i {
					m.Span[0] = i
				}
				m.Text = text[m.Span[0]:m.Span[1]]
				out = append(out, m)
			}
		}
		i = m.Span[1]
	}
	out = overriddenBy(out, acronymNames(text))
	out = overriddenBy(out, domainNames(text))
	ja := findJapanese(text)
	if len(ja) > 0 {
		// An English name in brackets after a Japanese one is the same
		// company (ルミナ・ラボ(Lumina Labs)).
		en := out[:0:0]
		bracketed := map[int]bool{} // ends of Japanese names a "(" follows
		for _, j := range ja {
			if strings.HasPrefix(text[j.Span[1]:], "(") {
				bracketed[j.Span[1]] = true
			}
		}
		for _, m := range out {
			if !bracketed[m.Span[0]-1] && !bracketed[m.Span[0]-2] {
				en = append(en, m)
			}
		}
		// An acronym the text defined and the same letters read as a
		// Japanese name (NPS社) are one mention, not two of one span.
		out = dedupeMentions(append(en, ja...))
	}
	return out
}

// afterClock drops a byline's clock from the words opening a name: "8:33
// AM ETChina Xiangtai Food Co." (the time zone glued to the name) names
// China Xiangtai Food.
func afterClock(ws []string) []string {
	if len(ws) < 2 || ws[0] != "AM" && ws[0] != "PM" {
		return ws
	}
	for _, zone := range [...]string{"ET", "EST", "EDT", "PT", "PST", "PDT", "CT", "GMT", "UTC", "BST", "CET", "JST"} {
		rest, ok := strings.CutPrefix(ws[1], zone)
		if !ok {
			continue
		}
		if rest == "" {
			return ws[2:]
		}
		if r := firstRune(rest); unicode.IsUpper(r) && hasLowerAfter(rest) {
			return append([]string{rest}, ws[2:]...)
		}
	}
	return ws
}

// acronymNames finds names a text defines with their initials in brackets
// ("Druk Holding and Investments (DHI)", "Ethiopian Electric Power (EEP)",
// "Administración Nacional de Electricidad (ANDE)"): the capitalised words
// whose initials spell the acronym are one name, across the connectors
// and, of, & and de (which may give a letter of their own). definedTerms
// then reads the acronym's later uses as the name.
func acronymNames(text string) []Mention {
	var out []Mention
	for off := 0; ; {
		k := strings.Index(text[off:], " (")
		if k < 0 {
			break
		}
		at := off + k
		off = at + 2
		e := strings.IndexByte(text[off:min(len(text), off+8)], ')')
		if e < 2 {
			continue
		}
		acr := text[off : off+e]
		if !kztext.Capitals(acr, 2, 6) {
			continue
		}
		ws := strings.Fields(text[max(0, at-160):at])
		if at-160 > 0 && len(ws) > 0 {
			ws = ws[1:] // a word cut in half
		}
		n := initialsMatch(ws, acr)
		if n < 2 {
			continue
		}
		name := strings.Join(ws[len(ws)-n:], " ")
		start := at - len(name)
		if start < 0 || text[start:at] != name {
			continue // words spaced otherwise: leave it
		}
		if describesNext(text[off+e+1:]) {
			continue // "Small Modular Reactor (SMR) firm Oklo": a kind of company, the name follows
		}
		out = append(out, Mention{Name: trimLegal(name), Text: name, Span: [2]int{start, at}})
	}
	return out
}

// describesNext reports a role noun and a capitalised name right after an
// acronym's bracket (" firm Oklo", " developer Pinecrest"): the words the
// acronym spells describe that name.
func describesNext(rest string) bool {
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	w, r, ok := strings.Cut(rest[1:min(len(rest), 40)], " ") // a role noun is a short word
	return ok && descriptorHeads[strings.ToLower(w)] && capitalised(r)
}

// acronymConnectors join the words of a name an acronym spells.
var acronymConnectors = map[string]bool{"and": true, "of": true, "&": true, "de": true, "for": true, "del": true,
	"et": true, "du": true, "des": true, "la": true, "le": true, "di": true, "y": true}

// initialsMatch returns how many of the last words of ws spell acr with
// their initials (connectors optional), or 0.
func initialsMatch(ws []string, acr string) int {
	var match func(i, k int) int // words ws[:i+1] against acr[:k+1]
	match = func(i, k int) int {
		if k < 0 {
			return len(ws) - 1 - i
		}
		if i < 0 {
			return 0
		}
		w := ws[i]
		if acronymConnectors[strings.ToLower(w)] {
			if n := match(i-1, k); n > 0 && k < len(acr)-1 {
				return n // a connector inside the name gives no letter
			}
			if w[0] == '&' || unicode.ToUpper(rune(w[0])) != rune(acr[k]) {
				return 0
			}
			return match(i-1, k-1)
		}
		// A lower-case word gives its letter inside a name whose first
		// word is capitalised ("Caisse de dépôt et placement du Québec
		// (CDPQ)"); the check below asks for that first word.
		if !isLatinAt(w, 0) || unicode.ToUpper(rune(w[0])) != rune(acr[k]) {
			return 0
		}
		return match(i-1, k-1)
	}
	n := match(len(ws)-1, len(acr)-1)
	if n > 0 && (acronymConnectors[strings.ToLower(ws[len(ws)-n])] || !capitalised(ws[len(ws)-n]) || !capitalised(ws[len(ws)-1])) {
		return 0
	}
	return n
}

// numberWords may open a company's name ("Two Rivers AI", "First Harbor
// Capital").
var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "nine": true, "ten": true, "first": true, "second": true, "third": true}

// numberName reports a name opening on a number word followed by a word of
// its own and ending in a corporate word: the number word belongs to it.
func numberName(ws []string) bool {
	if len(ws) < 3 || !numberWords[strings.ToLower(ws[0])] {
		return false
	}
	last := strings.ToLower(strings.TrimRight(ws[len(ws)-1], ".,"))
	if !corporate[last] && !legal[last] && !(len(ws) > 3 && strings.EqualFold(ws[len(ws)-3], "bank") && ws[len(ws)-2] == "of") {
		return false // "First National Bank of Omaha" is a bank's name too
	}
	for _, w := range ws[1 : len(ws)-1] {
		lw := strings.ToLower(strings.TrimRight(w, ".,"))
		if !stopWords[lw] && !placeWords[lw] && !corporate[lw] && !leadStrip[lw] && !headlineVerbs[lw] {
			return true
		}
	}
	return false
}

// upperWord reports a word written in capitals ("AS", "SE": the legal form,
// not the English word).
func upperWord(w string) bool {
	w = strings.TrimRight(w, ".,")
	return len(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// siteAfter reports a site noun right after a name: "Helios AI campus",
// "the Colchis Energy site" name places, not companies.
func siteAfter(rest string) bool {
	// Only the head matters: lowercasing the whole rest of the text for
	// every candidate made Find quadratic.
	if len(rest) > 24 {
		rest = rest[:24]
	}
	rest = strings.ToLower(rest)
	for _, w := range []string{" campus", " site", " data center", " data centre", " facility", " facilities", " project", " park"} {
		if strings.HasPrefix(rest, w) && (len(rest) == len(w) || !isLatinAt(rest, len(w))) {
			return true
		}
	}
	return false
}

func prevStart(text string, i int) int {
	_, n := utf8.DecodeLastRuneInString(text[:i])
	return i - n
}

// trimLegal drops legal forms at the end of a name.
func trimLegal(name string) string {
	ws := strings.Fields(name)
	limited := false
	for len(ws) > 1 {
		w := strings.ToLower(strings.Trim(ws[len(ws)-1], ".,"))
		if !legal[w] && w != "&" && !(limited && w == "private") {
			break
		}
		// "KKR & Co Inc": the "&" goes with the legal form; "Gramercy
		// Techpark Private Ltd": India's Private Limited is one form.
		limited = w == "ltd" || w == "limited"
		ws = ws[:len(ws)-1]
	}
	return strings.TrimRight(strings.Join(ws, " "), ",")
}

// FindTokens is Find plus the organisations kagome tags as
// 名詞,固有名詞,組織 in toks (tokens of text), adjacent ones joined, stop
// words left out. Latin words kagome does not know are tagged 組織 too, so
// these mentions are candidates for the deal rules' party slots.
func (g *Gazetteer) FindTokens(text string, toks []jtok.Token) []Mention {
	return merge(g.Find(text), FromTokens(text, toks))
}

// FromTokens returns only the organisations kagome tags in toks (tokens of
// text): 名詞,固有名詞,組織 and capitalised Latin nouns, adjacent ones
// joined, stop words left out. They are weaker evidence than Find's.
func FromTokens(text string, toks []jtok.Token) []Mention {
	var extra []Mention
	for i := 0; i < len(toks); i++ {
		if k, ok := kanjiLedName(text, toks, i); ok && !isStopToken(text[toks[i].Start:toks[k-1].End]) {
			// 三菱ケミカル, 住友ファーマ, 大和エナジー・インフラ: a kanji
			// proper noun and the katakana glued after it are one name.
			s, e := afterCountryMark(text, toks[i].Start, toks[k-1].End), toks[k-1].End
			extra = append(extra, Mention{Name: text[s:e], Text: text[s:e], Span: [2]int{s, e}})
			i = k - 1
			continue
		}
		if !isOrgToken(toks[i]) {
			continue
		}
		s, e := toks[i].Start, toks[i].End
		k := i + 1
		for k < len(toks) {
			if isOrgToken(toks[k]) && toks[k].Start == e {
				e = toks[k].End
				k++
				continue
			}
			if k+1 < len(toks) && toks[k].Surface == " " && isOrgToken(toks[k+1]) {
				e = toks[k+1].End
				k += 2
				continue
			}
			break
		}
		if d := digitTail(text, e); d > e && k < len(toks) && toks[k].Start == e && isLatinAt(text, prevStart(text, e)) && strings.ToUpper(text[s:e]) != text[s:e] {
			// SunEnergy1から: kagome cuts the digit a Latin name ends on
			// (capitals and a digit, DEN2, TY8, name a site).
			e = d
			for k < len(toks) && toks[k].End <= e {
				k++
			}
		}
		i = k - 1
		s = afterCountryMark(text, s, e)
		name := text[s:e]
		if katakanaGlued(text, s) {
			continue // スティング of ホスティング: kagome cut a proper noun out of a longer katakana word
		}
		if isStopToken(name) || allDigits(name) || placeEnds[strings.ToLower(name[strings.LastIndexByte(name, ' ')+1:])] {
			continue
		}
		extra = append(extra, Mention{Name: name, Text: name, Span: [2]int{s, e}})
	}
	return extra
}

// digitTail is where one or two ASCII digits glued at text[e:] end when a
// particle, a bracket or punctuation follows them (SunEnergy1から), else e:
// a counter or a unit after them (1万台, 2社) makes them a number.
func digitTail(text string, e int) int {
	d := e
	for d < len(text) && d-e < 3 && text[d] >= '0' && text[d] <= '9' {
		d++
	}
	if d == e || d-e > 2 || d < len(text) && text[d] >= '0' && text[d] <= '9' {
		return e
	}
	if d == len(text) {
		return d
	}
	r, _ := utf8.DecodeRuneInString(text[d:])
	if isHira(r) || strings.ContainsRune("、。・()（）「」 ,.", r) {
		return d
	}
	return e
}

// afterCountryMark is where a name text[s:e] starts past a one-kanji
// country mark before katakana or Latin (米ケイロス・パワー, 英Arm): the mark
// says where the company is from and is no part of its name.
func afterCountryMark(text string, s, e int) int {
	if r, n := utf8.DecodeRuneInString(text[s:e]); jaCountry[r] && s+n < e {
		if r2, _ := utf8.DecodeRuneInString(text[s+n : e]); isKana(r2) || isLatin(r2) {
			return s + n
		}
	}
	return s
}

// kanaPlaceUnits are katakana words a place's name takes without naming a
// company (東京リージョン, 関西エリア, 大阪オフィス); kanaSiteWords are the
// others.
var kanaPlaceUnits = []string{"エリア", "リージョン", "オフィス", "ルート", "ライン", "グリッド", "ツアー", "タウン", "シティ", "マーケット"}

// kanjiLedName reports a name of toks[i:k] made of a kanji proper noun and
// the katakana nouns glued after it, which kagome cuts in two: an
// organisation's token (三菱|ケミカル, 日立|エナジー, 東芝|エネルギー|システムズ),
// a surname (住友|ファーマ, 森|トラスト) or a place that is not a country
// (東京|センチュリー, 大和|エナジー|・|インフラ). A surname or a place opens a
// name only when a particle or a comma ends the katakana and the katakana
// is not a site or an area (東京リージョン, 石狩データセンター); a country
// never does (米国エヌビディア is Nvidia).
func kanjiLedName(text string, toks []jtok.Token, i int) (int, bool) {
	t := toks[i]
	if len(t.POS) < 3 || t.POS[0] != "名詞" || t.POS[1] != "固有名詞" {
		return 0, false
	}
	org := t.POS[2] == "組織"
	if !org && !(t.POS[2] == "人名" && len(t.POS) > 3 && t.POS[3] == "姓") && !(t.POS[2] == "地域" && len(t.POS) > 3 && t.POS[3] == "一般") {
		return 0, false
	}
	for _, r := range t.Surface {
		if !isKanji(r) {
			return 0, false
		}
	}
	k, kana := i+1, 0
	for k < len(toks) && toks[k].Start == toks[k-1].End {
		s := toks[k].Surface
		if (s == "・" || s == "&") && kana > 0 && k+1 < len(toks) && katakanaNoun(toks[k+1]) {
			k++
			continue
		}
		if !katakanaNoun(toks[k]) {
			break
		}
		kana++
		k++
	}
	if kana == 0 {
		return 0, false
	}
	if org {
		return k, true
	}
	tail := strings.ReplaceAll(text[toks[i+1].Start:toks[k-1].End], "・", "") // the tokens are adjacent
	if kanaSite(tail) || kztext.HasAnySuffix(tail, kanaPlaceUnits...) || utf8.RuneCountInString(tail) < 3 {
		return 0, false
	}
	if k < len(toks) {
		next := toks[k]
		if len(next.POS) == 0 || next.POS[0] != "助詞" && !(next.POS[0] == "記号" && (next.Surface == "、" || next.Surface == "(" || next.Surface == "（")) {
			return 0, false
		}
	}
	return k, true
}

// katakanaNoun reports a noun token written in katakana only.
func katakanaNoun(t jtok.Token) bool {
	if len(t.POS) == 0 || t.POS[0] != "名詞" || t.Surface == "" {
		return false
	}
	for _, r := range t.Surface {
		if !isKana(r) {
			return false
		}
	}
	return true
}

// EndsNames reports a token no name of FromTokens continues past: it is
// neither an organisation token nor a space, so FromTokens over tokens
// cut after it finds what it finds over them whole.
func EndsNames(t jtok.Token) bool {
	return !isOrgToken(t) && t.Surface != " "
}

// isOrgToken reports kagome organisation tokens and Latin nouns with a
// capital (kagome tags unknown Latin words 組織 or 一般 by context).
// katakanaGlued reports a katakana run at text[s:] that starts inside a
// longer katakana word (スティング in ホスティング): a piece of a word, no name
// of its own. A run going on after (Xグループ) may still be a name.
func katakanaGlued(text string, s int) bool {
	if s == 0 || s >= len(text) || !isKanaAt(text, s) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:s])
	return isKana(r)
}

func isOrgToken(t jtok.Token) bool {
	if len(t.POS) >= 3 && t.POS[0] == "名詞" && t.POS[1] == "固有名詞" && t.POS[2] == "組織" {
		return true
	}
	if len(t.POS) == 0 || t.POS[0] != "名詞" {
		return false
	}
	upper := false
	for _, r := range t.Surface {
		if !isLatin(r) && r != '&' {
			return false
		}
		if unicode.IsUpper(r) {
			upper = true
		}
	}
	return upper
}

// definedTerms finds the short names a press release or a filing defines
// for a company, known or not, right after its name (and its legal form
// and description, see skipAppositive) — a ticker ("Zorvia Technologies,
// Inc. (NASDAQ: ZRV)") or a quoted term ("(“Zorvia” or the “Company”)",
// "(the “Lessee”)") — and returns their later uses as mentions of that
// company.
func definedTerms(text string, ms []Mention) []Mention {
	type def struct {
		m          Mention // the name defined
		term       string
		off, until int // uses of term in text[off:until] stand for m
	}
	var defs []def
	for _, m := range ms {
		rest := text[m.Span[1]:]
		off := m.Span[1]
		var terms []string
		for g := 0; g < 2; g++ {
			t := strings.TrimLeft(rest, " ,.")
			if g == 0 {
				t = skipAppositive(t, text, ms)
			}
			off += len(rest) - len(t)
			if !strings.HasPrefix(t, "(") {
				break
			}
			k := strings.IndexByte(t[:min(len(t), 121)], ')')
			if k < 0 || k > 120 {
				break
			}
			terms = append(terms, termsIn(t[1:k])...)
			if acr := t[1:k]; kztext.Capitals(acr, 2, 6) && initialsMatch(strings.Fields(m.Text), acr) > 1 {
				terms = append(terms, acr)
			}
			off += k + 1
			rest = t[k+1:]
		}
		for _, term := range terms {
			defs = append(defs, def{m: m, term: term, off: off, until: len(text)})
		}
	}
	// A term defined again (each release of a long page defining "the
	// Company" anew) stands for the new name from there on: each use is
	// read once, not once per definition before it.
	last := map[string]int{}
	for i := range defs {
		if j, ok := last[defs[i].term]; ok {
			defs[j].until = max(defs[j].off, defs[i].off)
		}
		last[defs[i].term] = i
	}
	var out []Mention
	for _, d := range defs {
		for from := d.off; from < d.until; {
			k := strings.Index(text[from:d.until], d.term)
			if k < 0 {
				break
			}
			a := from + k
			b := a + len(d.term)
			from = b
			if a > 0 && isLatinAt(text, prevStart(text, a)) || b < len(text) && isLatinAt(text, b) || overlapsAny(ms, a, b) {
				continue
			}
			out = append(out, Mention{Name: d.m.Name, Text: d.term, Span: [2]int{a, b}, Known: d.m.Known, Role: d.m.Role})
		}
	}
	return out
}

// partyTerms are the roles a contract names its parties by ("(“Seller”)",
// "(the “Customer”)"): common words, but a defined term's uses stand for
// the party. "the Company" is not one: the deal rules read it as the
// article's company.
var partyTerms = map[string]bool{"Seller": true, "Buyer": true, "Purchaser": true, "Customer": true, "Client": true, "Host": true,
	"Lessee": true, "Lessor": true, "Landlord": true, "Tenant": true, "Borrower": true, "Lender": true, "Licensee": true,
	"Licensor": true, "Provider": true, "Supplier": true, "Vendor": true, "Contractor": true, "Investor": true, "Guarantor": true}

// skipAppositive returns t, the text after a name, from the bracket that
// follows the name's legal form, or its legal form and its description in
// a filing: "KULR Technology Group, Inc., a Delaware corporation (the
// “Lessee”)", "Whinstone US, Inc., a corporation organized under the laws
// of the State of Delaware, USA (“WUS”)". The description opens with a or an, holds no
// bracket, quote, semicolon or other name, and ends within 240 bytes; t
// is returned unchanged when there is none.
func skipAppositive(t, text string, ms []Mention) string {
	u := t
	// The legal form is a short word: look no further (a Japanese text
	// has no space to end the first word).
	if k := strings.IndexByte(u[:min(len(u), 16)], ' '); k > 0 && LegalForm(strings.TrimRight(u[:k], ",")) {
		w := u[:k]
		u = strings.TrimLeft(u[k:], " ")
		if strings.HasPrefix(u, "(") {
			return u // "Bitmain Technologies Limited (“Seller”)"
		}
		if !strings.HasSuffix(w, ",") {
			return t
		}
	}
	if !strings.HasPrefix(u, "a ") && !strings.HasPrefix(u, "an ") {
		return t
	}
	k := strings.Index(u[:min(len(u), 240)], " (")
	if k < 0 || strings.ContainsAny(u[:k], "()“”\";") {
		return t
	}
	at := len(text) - len(u)
	if overlapsAny(ms, at, at+k) {
		return t
	}
	return u[k+1:]
}

// termsIn returns the ticker and quoted short names of a parenthesis
// ("NASDAQ: ZRV", "“Zorvia” or the “Company”").
func termsIn(p string) []string {
	var out []string
	if k := strings.IndexByte(p, ':'); k > 0 {
		ex := strings.ToUpper(strings.TrimSpace(p[:k]))
		switch ex {
		case "NASDAQ", "NYSE", "NYSE AMERICAN", "TSX", "TSXV", "TSX-V", "ASX", "LSE", "AIM", "CSE", "OTC", "OTCQX", "NASDAQ GM", "NASDAQ CM":
			t := strings.TrimSpace(p[k+1:])
			if e := strings.IndexAny(t, " ;,"); e >= 0 {
				t = t[:e]
			}
			if len(t) >= 2 && len(t) <= 6 && strings.ToUpper(t) == t && !jaStop[strings.ToLower(t)] {
				out = append(out, t)
			}
		}
	}
	for _, q := range [][2]string{{"\"", "\""}, {"“", "”"}} {
		for s := p; ; {
			a := strings.Index(s, q[0])
			if a < 0 {
				break
			}
			s = s[a+len(q[0]):]
			b := strings.Index(s, q[1])
			if b < 0 {
				break
			}
			t := s[:b]
			s = s[b+len(q[1]):]
			if t != "" && capitalised(t) && (!isStopToken(t) || partyTerms[t]) && len(t) <= 40 {
				out = append(out, t)
			}
		}
	}
	return out
}

// overlapsAny reports a mention overlapping [a, b). ms are in text order
// and do not overlap (findUnknown's Latin names), so only the first one
// ending after a may.
func overlapsAny(ms []Mention, a, b int) bool {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Span[1] > a })
	return i < len(ms) && ms[i].Span[0] < b
}

// domainRE is a brand written as its web domain: BTC.com, Coin.io.
var domainRE = regexp.MustCompile(`\b[A-Z0-9][A-Za-z0-9-]{1,30}\.(?:com|io|ai|net|co)\b`)

// domainNames finds companies named by their web domain ("BTC.comの買収",
// "bought Coin.io"): a capital or digit first, one of the commercial
// top-level domains last, and no path, address or further dot after it
// (a link, an e-mail address and a sentence's last word are none).
func domainNames(text string) []Mention {
	if !kztext.ContainsAny(text, ".co", ".io", ".ai", ".net") {
		return nil // the expression is costly on a long page: most have no domain
	}
	var out []Mention
	for _, loc := range domainRE.FindAllStringIndex(text, -1) {
		s, e := loc[0], loc[1]
		if s > 0 && (text[s-1] == '/' || text[s-1] == '@' || text[s-1] == '.' || isASCIIAlnum(text[s-1])) {
			continue
		}
		if e < len(text) && (text[e] == '/' || text[e] == '.' && e+1 < len(text) && isASCIIAlnum(text[e+1]) || text[e] == '@') {
			continue
		}
		name := text[s:e]
		out = append(out, Mention{Name: name, Text: name, Span: [2]int{s, e}})
	}
	return out
}

// overriddenBy returns out with the names that overlap one of better
// replaced by better (an acronym's full name, a web domain), in text
// order.
func overriddenBy(out, better []Mention) []Mention {
	if len(better) == 0 {
		return out
	}
	kept := out[:0]
	for _, m := range out {
		if !overlapsAny(better, m.Span[0], m.Span[1]) {
			kept = append(kept, m)
		}
	}
	out = append(kept, better...)
	sort.Slice(out, func(i, j int) bool { return out[i].Span[0] < out[j].Span[0] })
	return out
}

// DescribedAt reports an English name at pos of text right after a
// description that makes it an organisation ("Nordic developer Areim",
// "Texas-based Northwind"), not after a source's ("research firm X").
func DescribedAt(text string, pos int) bool { return describedAt(text, pos) }
