#!/usr/bin/env python3
"""Writes the HTML pages that make_fixtures.sh prints to PDF (Chromium) and converts (LibreOffice).
Each table comes from a TSV whose rows are the expected rows: the seeds' tables from
../expected/NNN.connections.tsv, the other vendors' tables from src/*.tsv (written by us)."""
import html, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "build")

def rows(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    header = lines[0].lstrip("# ").split("   (")[0].split("\t")
    return header, [l.split("\t") for l in lines[1:]]

SEED_HEADER = ["Connection", "Source", "Destination", "Protocol", "Port", "Classification",
               "Data that travels on this connection"]

def seed(key):
    _, body = rows(os.path.join(HERE, "..", "expected", f"{key}.connections.tsv"))
    return SEED_HEADER, [["" if c == "-" else c for c in r] for r in body]

SEEDS = {"000": "000_719e74b289d3778a.txt", "002": "002_77ebb1df80586335.txt",
         "003": "003_5c58bc2aa17e0ed2.txt", "004": "004_df767b9a2d780938.txt"}

def subject_sentence(key):
    """The seed's sentence that names its product, so the PDF names the same subject."""
    import re
    with open(os.path.join(HERE, "..", "..", "..", "..", "Input", SEEDS[key]), encoding="utf-8") as f:
        text = " ".join(f.read().split())
    m = re.search(r"from the point of view of (.+?) as a service", text)
    if m:
        return f"<p>The direction of the arrows indicates where the connection is initiated, from the point of view of {html.escape(m.group(1))} as a service in the network.</p>"
    m = re.search(r"Learn about (.+?) architecture", text)
    return f"<p>Learn about {html.escape(m.group(1))} architecture</p>" if m else ""

def table(header, body, cls="", widths=None):
    cols = "".join(f'<col style="width:{w}">' for w in widths) if widths else ""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    trs = "\n".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in body)
    return f'<table class="{cls}"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>\n{trs}\n</tbody></table>'

STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; margin: 0; }
table { border-collapse: collapse; table-layout: fixed; }
th, td { padding: 3pt 5pt; text-align: left; vertical-align: top; }
table.ruled th, table.ruled td { border: 0.75pt solid #444; }
table.plain th { border-bottom: 0.75pt solid #444; }
th { overflow-wrap: anywhere; }
td { overflow-wrap: anywhere; }
tr { break-inside: avoid; }
"""

DISCLAIMER = ("This PDF is generated from authoritative online content, and is provided for convenience "
              "only. This PDF cannot be used for legal purposes. For authoritative understanding of what is "
              "and is not supported, always use the online content.")

def page(title, body, landscape=False, running=True):
    size = "A4 landscape" if landscape else "A4"
    # Running page headers and footers, in the page margins (CSS paged media margin boxes).
    runners = ""
    if running:
        runners = (f'@top-left {{ content: "{title} Private Edition Guide"; font-size: 8pt; }}'
                   '@bottom-left { content: "Genesys Multicloud CX private edition"; font-size: 8pt; }'
                   '@bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; }')
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>@page {{ size: {size}; margin: 15mm; {runners} }}{STYLE}</style></head><body>"
            f"{body}</body></html>")

def write(name, text):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(text)

# 000: ruled, narrow columns so names and descriptions wrap, the vendor's disclaimer first.
h, b = seed("000")
write("seed-000.html", page("CX Contact", f"<p>{DISCLAIMER}</p><h1>CX Contact Private Edition Guide</h1>"
      + subject_sentence("000") + "<h2>Connections table</h2><p>The connection numbers refer to the numbers on the connection lines in the diagram.</p>"
      + table(h, b, "ruled", ["11%", "14%", "14%", "10%", "9%", "13%", "29%"]) + "<p>* Configurable ports</p>"))

# 002: landscape, unruled, header cells so narrow that words break mid-word.
h, b = seed("002")
write("seed-002.html", page("Pulse", "<h1>Pulse Private Edition Guide</h1>" + subject_sentence("002") + "<h2>Connections table</h2>"
      + table(h, b, "plain", ["6%", "15%", "17%", "6%", "5%", "9%", "42%"]), landscape=True))

# 003: sixty rows over several pages, header repeated on each page, narrow port column.
h, b = seed("003")
write("seed-003.html", page("Voice Microservices", f"<p>{DISCLAIMER}</p><h1>Voice Microservices Private Edition Guide</h1>"
      + subject_sentence("003") + "<h2>Connections table</h2>" + table(h, b, "ruled", ["10%", "16%", "16%", "9%", "7%", "12%", "30%"])))

# 004: for LibreOffice (HTML -> PDF and HTML -> DOCX).
h, b = seed("004")
write("seed-004.html", "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Designer</title></head><body>"
      "<h1>Designer Private Edition Guide</h1>" + subject_sentence("004")
      # This much introduction makes LibreOffice cut row 10 across the page break.
      + "<h2>Introduction</h2><p>The voice platform answers calls, plays prompts and records media for the contact centre.</p>"
      "<h2>Connections table</h2>"
      "<p>The connection numbers refer to the numbers on the connection lines in the diagram.</p>"
      + table(h, b).replace("<table", "<table border='1' cellpadding='4'") + "</body></html>")

# Other vendors: a port column so narrow that "9092/9093*" breaks, two tables on one page, landscape.
h, b = rows(os.path.join(HERE, "src", "kafka.tsv"))
write("kafka.html", page("Streaming platform", "<h1>Ports used by the streaming platform</h1>"
      "<p>Open these ports between the hosts below.</p>"
      + table(h, b, "ruled", ["8%", "10%", "20%", "18%", "44%"]) + "<p>* Configurable ports</p>", running=False))
h1, b1 = rows(os.path.join(HERE, "src", "consul-servers.tsv"))
h2, b2 = rows(os.path.join(HERE, "src", "consul-clients.tsv"))
write("consul.html", page("Service mesh", "<h1>Required ports</h1><h2>Server ports (inbound)</h2>"
      + table(h1, b1, "plain", ["18%", "14%", "18%", "50%"]) + "<h2>Client agent ports</h2>"
      "<p>Every agent listens on these ports.</p>" + table(h2, b2, "plain", ["18%", "14%", "18%", "50%"]), running=False))
h, b = rows(os.path.join(HERE, "src", "elastic.tsv"))
write("elastic.html", page("Search stack", "<h1>Firewall rules for the search stack</h1>"
      + table(h, b, "ruled", ["14%", "16%", "6%", "8%", "9%", "47%"]), landscape=True, running=False))

# Merged cells for Word: rowspan and colspan become w:vMerge and w:gridSpan (modelled on a
# coordination service's ports page; sentences our own).
write("merged.html", "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Coordination service</title></head><body>"
      "<h1>Coordination service ports</h1><h2>Inbound rules</h2><p>Open these ports on every ensemble member.</p>"
      "<table border='1'><thead><tr><th>Source</th><th>Destination</th><th>Protocol</th><th>Port</th><th>Purpose</th></tr></thead><tbody>"
      "<tr><td rowspan='2'>Ensemble members</td><td rowspan='2'>Ensemble members</td><td rowspan='2'>TCP</td><td>2888</td><td>Followers connect to the leader.</td></tr>"
      "<tr><td>3888</td><td>Leader election between members.</td></tr>"
      "<tr><td>Clients</td><td>Ensemble members</td><td>TCP</td><td>2181</td><td>Client sessions and <b>watches</b>.</td></tr>"
      "<tr><td>Operators</td><td>Ensemble members</td><td colspan='2'>HTTP 8080</td><td>AdminServer commands.<br>Off by default.</td></tr>"
      "</tbody></table><h2>Outbound rules</h2><p>None: members only answer.</p></body></html>")

# A Word table whose first row is a caption merged across it (modelled on a monitoring agent's
# network traffic table; sentences our own).
write("caption.html", "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Monitoring agent</title></head><body>"
      "<h1>Monitoring agent network traffic</h1><p>The agent only opens outbound connections.</p>"
      "<table border='1'><tr><td colspan='5'>Table 2: Outbound traffic of the agent</td></tr>"
      "<tr><th>Source</th><th>Destination</th><th>Port</th><th>Protocol</th><th>Description</th></tr>"
      "<tr><td>Agent host</td><td>Metrics intake</td><td>443</td><td>HTTPS</td><td>Metrics, checks and events.</td></tr>"
      "<tr><td>Agent host</td><td>Log intake</td><td>10516</td><td>TCP</td><td>Logs over TLS.</td></tr>"
      "<tr><td>Agent host</td><td>NTP servers</td><td>123</td><td>UDP</td><td>Clock offset checks.</td></tr>"
      "</table></body></html>")

# Ruled cells with almost no padding: words come within a space of the cell borders, so only the
# vertical rules part the columns (issue 15). For Chromium, and for LibreOffice (a bordered table).
RULED_TIGHT = ("<style>table.touch { width: 15cm; } table.touch th, table.touch td { padding: 0 1pt; "
               "border: 0.75pt solid #444; line-height: 1.15; }</style>")
h, b = rows(os.path.join(HERE, "src", "rabbitmq.tsv"))
write("rabbitmq.html", page("Message broker", RULED_TIGHT + "<h1>Broker networking</h1>"
      "<p>Open these ports between clients and the broker nodes.</p>"
      + table(h, b, "touch", ["16%", "17%", "10%", "7%", "50%"]), running=False))
write("rabbitmq-writer.html", "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Message broker</title></head><body>"
      "<h1>Broker networking</h1><p>Open these ports between clients and the broker nodes.</p>"
      + table(h, b, "", ["16%", "17%", "10%", "7%", "50%"]).replace("<table", "<table border='1' cellpadding='0' cellspacing='0' width='100%'")
      + "</body></html>")

# No rules, no number column, rows as tight as a cell's wrapped lines (issue 15).
TIGHT = ("<style>table.tight { width: 15cm; } table.tight th, table.tight td { padding: 0 4pt 0 0; "
         "line-height: 1.15; } table.tight th { border-bottom: 0.75pt solid #444; }</style>")
h, b = rows(os.path.join(HERE, "src", "vault.tsv"))
write("vault.html", page("Secrets manager", TIGHT + "<h1>Secrets manager network ports</h1>"
      "<p>Allow these connections to and from the cluster.</p>"
      + table(h, b, "tight", ["20%", "19%", "10%", "8%", "43%"]), running=False))

# Two columns of running text (a newsletter page), then the same table on another page; and the
# prose alone. The prose must give no table and no rows (issue 15).
PROSE = [
    "Every secrets manager deployment starts with a question about trust: which machines may talk to "
    "the servers, and on which ports. The answer depends on the storage you choose, the replication "
    "you plan and the way your applications log in.",
    "Most teams begin with a single cluster of three or five servers behind a load balancer. Clients "
    "reach the active node through it, and standby nodes forward the requests they receive. Health "
    "checks decide which node takes traffic.",
    "Replication adds a second cluster in another region. The secondary pulls secrets and policies "
    "from the primary over the cluster port, so the firewall between regions needs only that one "
    "opening, in one direction.",
    "Audit devices write every request and response to a collector. A blocked collector stops the "
    "servers from answering, so treat the audit path with the same care as the storage backend and "
    "watch it closely.",
    "Finally, remember the operators. They use the same interface as the applications, and their "
    "tokens expire like any other. Write down the ports you open, and review them whenever the "
    "cluster changes shape.",
    "The table on the next page lists every connection, with its source, destination, protocol and "
    "port, for the firewall team to copy into their request form.",
]
NEWSLETTER = ("<style>.columns { column-count: 2; column-gap: 8mm; text-align: justify; } "
              ".columns p { margin: 0 0 6pt 0; }</style>")
prose = "<div class='columns'>" + "".join(f"<p>{html.escape(p)}</p>" for p in PROSE * 3) + "</div>"
write("newsletter.html", page("Secrets manager", NEWSLETTER + TIGHT + "<h1>Planning the network</h1>" + prose
      + "<h2 style='break-before: page'>Network ports</h2>" + table(h, b, "plain", ["20%", "19%", "10%", "8%", "43%"]),
      running=False))
write("prose.html", page("Secrets manager", NEWSLETTER + "<h1>Planning the network</h1>" + prose, running=False))
