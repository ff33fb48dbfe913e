"""The feeds, calendars, sitemap and robots.txt of the built example hub, read by real parsers.

The site is the folder in the environment variable COPSE_SITE (absolute path), built from the
example hub with --today 2026-11-21 or any day before its upcoming meetings. Needs the `icalendar`
package (Tests/Browser/requirements.txt).
"""

import datetime
import os
import pathlib
import unittest
import xml.etree.ElementTree as ET

import icalendar

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://hub.example.org/"


def communities() -> int:
    return sum(1 for path in (site() / "communities").iterdir() if (path / "index.html").is_file())


def site() -> pathlib.Path:
    folder = os.environ.get("COPSE_SITE")
    if not folder:
        raise unittest.SkipTest("set COPSE_SITE to the folder of the built example hub")
    return pathlib.Path(folder)


def subscription_calendars() -> list:
    """The hub's calendar and each community's: every .ics but the meetings' own files."""
    return sorted(path for path in site().rglob("meetings.ics"))


def meeting_calendars() -> list:
    """Each meeting's own calendar file, beside its page."""
    return sorted(path for path in site().rglob("*.ics") if path.name != "meetings.ics")


class CalendarTests(unittest.TestCase):
    def calendars(self):
        files = subscription_calendars()
        self.assertEqual(len(files), 1 + communities(), "the hub's calendar and one per community")
        return [(path, icalendar.Calendar.from_ical(path.read_bytes())) for path in files]

    def test_every_calendar_parses_and_has_the_required_properties(self):
        for path, calendar in self.calendars():
            with self.subTest(path=str(path)):
                self.assertEqual(calendar.name, "VCALENDAR")
                self.assertEqual(str(calendar["VERSION"]), "2.0")
                self.assertTrue(str(calendar["PRODID"]))
                self.assertEqual(str(calendar["METHOD"]), "PUBLISH")
                self.assertTrue(str(calendar["X-WR-CALNAME"]).endswith(": meetings"))
                events = calendar.walk("VEVENT")
                self.assertGreater(len(events), 0)
                for event in events:
                    for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL"):
                        self.assertIn(key, event, f"{event.get('UID')} has no {key}")
                    self.assertTrue(str(event["URL"]).startswith(BASE))
                uids = [str(event["UID"]) for event in events]
                self.assertEqual(len(uids), len(set(uids)), "UIDs are unique")

    def test_lines_end_in_crlf_and_are_at_most_75_octets(self):
        for path in sorted(site().rglob("*.ics")):  # the meetings' own files too
            data = path.read_bytes()
            self.assertTrue(data.endswith(b"\r\n"))
            for line in data.split(b"\r\n"):
                self.assertNotIn(b"\n", line, str(path))
                self.assertLessEqual(len(line), 75, f"{path}: {line!r}")
                line.decode("utf-8")  # no fold splits a character

    def test_the_hub_calendar_has_every_community_and_the_upcoming_meetings(self):
        calendar = icalendar.Calendar.from_ical((site() / "meetings.ics").read_bytes())
        events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
        per_community = 0
        for path in sorted((site() / "communities").glob("*/meetings.ics")):
            community = icalendar.Calendar.from_ical(path.read_bytes())
            for event in community.walk("VEVENT"):
                per_community += 1
                self.assertIn(str(event["UID"]), events)
        self.assertEqual(per_community, len(events))
        upcoming = "tyneside-secondary-computer-science/2026-12-10-mark-scheme-workshop@hub.example.org"
        self.assertIn(upcoming, events)
        event = events[upcoming]
        self.assertEqual(event.decoded("DTSTART"), datetime.date(2026, 12, 10))
        self.assertEqual(event.decoded("DTEND"), datetime.date(2026, 12, 11))
        self.assertEqual(str(event["LOCATION"]), "St Oswin's High School, North Shields")
        timed = events["morecambe-bay-digital-helpers/2026-12-08-winter-drop-in-planning@hub.example.org"]
        self.assertEqual(timed.decoded("DTSTART"), datetime.datetime(2026, 12, 8, 10, 0))
        self.assertEqual(timed.decoded("DTEND"), datetime.datetime(2026, 12, 8, 11, 30))
        self.assertIn("post-Christmas weeks, when learners", str(timed["DESCRIPTION"]))


class MeetingCalendarTests(unittest.TestCase):
    def test_every_meeting_page_offers_its_own_calendar_file_with_the_feeds_event(self):
        hub = {str(event["UID"]): event for event in
               icalendar.Calendar.from_ical((site() / "meetings.ics").read_bytes()).walk("VEVENT")}
        files = meeting_calendars()
        self.assertEqual(len(files), len(hub), "one file per meeting in the hub's calendar")
        for path in files:
            with self.subTest(path=str(path.relative_to(site()))):
                calendar = icalendar.Calendar.from_ical(path.read_bytes())
                self.assertEqual(str(calendar["VERSION"]), "2.0")
                events = calendar.walk("VEVENT")
                self.assertEqual(len(events), 1)
                event = events[0]
                uid = str(event["UID"])
                self.assertIn(uid, hub, "the same UID as in the feeds")
                for key in ("DTSTART", "SUMMARY", "URL"):
                    self.assertEqual(event.decoded(key), hub[uid].decoded(key), key)
                page = (path.parent / "index.html").read_text()
                self.assertIn(f'download="{path.name}" type="text/calendar">Add this meeting to my calendar</a>', page)


class FeedTests(unittest.TestCase):
    def feeds(self):
        files = sorted(site().rglob("feed.xml"))
        self.assertEqual(len(files), 1 + communities(), "the hub's feed and one per community")
        return [(path, ET.parse(path).getroot()) for path in files]

    def test_every_feed_has_the_required_atom_elements(self):
        for path, feed in self.feeds():
            with self.subTest(path=str(path)):
                self.assertEqual(feed.tag, ATOM + "feed")
                for name in ("id", "title", "updated", "author", "generator"):
                    self.assertIsNotNone(feed.find(ATOM + name), f"feed has no {name}")
                self.assertEqual(feed.find(ATOM + "id").text, BASE + str(path.relative_to(site())))
                rels = {link.get("rel"): link.get("href") for link in feed.findall(ATOM + "link")}
                self.assertEqual(rels["self"], feed.find(ATOM + "id").text)
                self.assertTrue(rels["alternate"].startswith(BASE))
                entries = feed.findall(ATOM + "entry")
                self.assertGreater(len(entries), 0)
                for entry in entries:
                    for name in ("id", "title", "updated", "published", "link", "content"):
                        self.assertIsNotNone(entry.find(ATOM + name), f"entry has no {name}")
                    self.assertTrue(entry.find(ATOM + "id").text.startswith(BASE))
                    self.assertEqual(entry.find(ATOM + "content").get("type"), "html")
                    html = entry.find(ATOM + "content").text
                    self.assertNotIn('href="../', html)
                    self.assertNotIn('href="#', html)
                updated = [entry.find(ATOM + "updated").text for entry in entries]
                self.assertEqual(feed.find(ATOM + "updated").text, max(updated))
                published = [entry.find(ATOM + "published").text for entry in entries]
                self.assertEqual(published, sorted(published, reverse=True), "newest first")

    def test_upcoming_meetings_are_not_in_feeds(self):
        # Built with --today 2026-11-21 (or, without it, on the day the tests run).
        today = max(datetime.date.today(), datetime.date(2026, 11, 21)).isoformat() + "T00:00:00Z"
        for path, feed in self.feeds():
            for entry in feed.findall(ATOM + "entry"):
                self.assertLessEqual(entry.find(ATOM + "published").text, today, str(path))


class SitemapTests(unittest.TestCase):
    def test_the_sitemap_lists_published_pages_with_absolute_urls(self):
        root = ET.parse(site() / "sitemap.xml").getroot()
        self.assertEqual(root.tag, SITEMAP + "urlset")
        urls = [url.find(SITEMAP + "loc").text for url in root.findall(SITEMAP + "url")]
        self.assertIn(BASE, urls)
        self.assertIn(BASE + "communities/tyneside-secondary-computer-science/", urls)
        self.assertIn(BASE + "resources/", urls)
        self.assertTrue(all(url.startswith(BASE) for url in urls))
        self.assertEqual(len(urls), len(set(urls)))
        self.assertNotIn(BASE + "404.html", urls)
        for url in urls:
            relative = url[len(BASE):]
            page = site() / relative / "index.html" if relative.endswith("/") or not relative else site() / relative
            self.assertTrue(page.is_file(), f"{url} is not a page of the site")

    def test_robots_txt_names_the_sitemap(self):
        lines = (site() / "robots.txt").read_text().splitlines()
        self.assertIn("User-agent: *", lines)
        self.assertIn("Sitemap: " + BASE + "sitemap.xml", lines)


if __name__ == "__main__":
    unittest.main()
