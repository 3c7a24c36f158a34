//! Pagination: vertical elements with keep rules go onto pages; footers and bookmarks follow.

use super::document::{Bookmark, GlyphRun, LineBox, Link, Page, Rect, Shape};
use super::style::Geometry;

/// Whether a page may end just before an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum BreakRule {
    /// A good place for a page break.
    Allowed,
    /// Only if nothing better is on the page (inside a list item or address entry).
    Avoid,
    /// Never, unless the alternative is overflowing the page (orphans, widows, headings).
    Never,
    /// Always: the element starts a new page (each letter).
    NewPage,
}

/// Drawn material, with y relative to the top of its element and x absolute.
#[derive(Debug, Clone, Default)]
pub(super) struct Content {
    pub runs: Vec<GlyphRun>,
    pub shapes: Vec<Shape>,
    pub links: Vec<Link>,
    pub lines: Vec<LineBox>,
    pub text: String,
}

impl Content {
    /// Appends `other`, moved down by `dy`.
    pub(super) fn append(&mut self, other: Content, dy: f32) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        for mut run in other.runs {
            run.baseline += dy;
            for glyph in &mut run.glyphs {
                glyph.text = glyph.text.start + base..glyph.text.end + base;
            }
            self.runs.push(run);
        }
        for shape in other.shapes {
            self.shapes.push(match shape {
                Shape::Rect { rect, fill } => Shape::Rect {
                    rect: Rect {
                        y: rect.y + dy,
                        ..rect
                    },
                    fill,
                },
                Shape::Line {
                    from,
                    to,
                    width,
                    color,
                } => Shape::Line {
                    from: (from.0, from.1 + dy),
                    to: (to.0, to.1 + dy),
                    width,
                    color,
                },
                Shape::Disc {
                    center,
                    radius,
                    fill,
                } => Shape::Disc {
                    center: (center.0, center.1 + dy),
                    radius,
                    fill,
                },
            });
        }
        for mut link in other.links {
            link.rect.y += dy;
            self.links.push(link);
        }
        for mut line in other.lines {
            line.baseline += dy;
            self.lines.push(line);
        }
    }
}

/// One unbreakable piece of the vertical list.
#[derive(Debug, Clone)]
pub(super) struct Elem {
    pub height: f32,
    /// Space above, dropped at the top of a page.
    pub space_before: f32,
    pub break_before: BreakRule,
    pub content: Content,
    /// An outline entry pointing at this element: title and level.
    pub bookmark: Option<(String, u8)>,
}

/// The least a page may be filled, as a share of the text block's height, unless it is the
/// last page of the pack or of a letter: a page a quarter full before the letters reads as a
/// mistake.
pub(super) const MIN_FILL: f32 = 0.35;

/// Element indices and their y, per page.
type Placed = Vec<Vec<(usize, f32)>>;

/// Distributes `elems` over pages of `geometry`.
pub(super) fn paginate(elems: Vec<Elem>, geometry: &Geometry) -> (Vec<Page>, Vec<Bookmark>) {
    let pages = balance(&elems, geometry);
    place(&elems, pages)
}

/// Greedy page breaking, then one correction: a page under [`MIN_FILL`] that ends a run of
/// pages before a forced break (the alert before its first letter) takes lines from the page
/// before it, which ends earlier at a good break, as long as that page stays above the
/// threshold too. Only a run's last page is ever short, so this is the only case to mend.
fn balance(elems: &[Elem], geometry: &Geometry) -> Placed {
    let height = geometry.text_bottom() - geometry.top;
    let mut limits: Vec<(usize, f32)> = Vec::new();
    let mut pages = break_pages(elems, geometry, &limits);
    for _ in 0..8 {
        let fill = |pages: &Placed, p: usize| used(elems, geometry, &pages[p]) / height;
        let short = (1..pages.len().saturating_sub(1)).find(|&p| {
            let next_forced = elems[pages[p + 1][0].0].break_before == BreakRule::NewPage;
            let run_is_letter = run_start(elems, &pages, p) == BreakRule::NewPage;
            next_forced && !run_is_letter && fill(&pages, p) < MIN_FILL
        });
        let Some(p) = short else { break };
        if elems[pages[p][0].0].break_before == BreakRule::NewPage {
            break;
        }
        let missing = (MIN_FILL - fill(&pages, p)) * height + 1.0;
        let limit = used(elems, geometry, &pages[p - 1]) - missing;
        let mut tried = limits.clone();
        tried.retain(|&(page, _)| page != p - 1);
        tried.push((p - 1, limit));
        let candidate = break_pages(elems, geometry, &tried);
        let better = candidate.len() == pages.len()
            && fill(&candidate, p - 1) >= MIN_FILL
            && fill(&candidate, p) > fill(&pages, p);
        if !better {
            break;
        }
        limits = tried;
        pages = candidate;
    }
    pages
}

/// The break rule of the element that starts the run of pages holding page `p`.
fn run_start(elems: &[Elem], pages: &Placed, p: usize) -> BreakRule {
    let mut q = p;
    while q > 0 && elems[pages[q][0].0].break_before != BreakRule::NewPage {
        q -= 1;
    }
    elems[pages[q][0].0].break_before
}

/// The height a page's elements take, from the top of the text block.
fn used(elems: &[Elem], geometry: &Geometry, page: &[(usize, f32)]) -> f32 {
    page.last()
        .map_or(0.0, |&(e, y)| y + elems[e].height - geometry.top)
}

/// Greedy breaking; `limits` lowers the bottom of some pages (page index, height of text).
fn break_pages(elems: &[Elem], geometry: &Geometry, limits: &[(usize, f32)]) -> Placed {
    let top = geometry.top;
    let bottom_of = |page: usize| {
        limits
            .iter()
            .find(|&&(p, _)| p == page)
            .map_or(geometry.text_bottom(), |&(_, h)| top + h)
    };
    let mut pages: Placed = Vec::new();
    let mut current: Vec<(usize, f32)> = Vec::new();
    let mut y = top;
    let mut i = 0;
    while i < elems.len() {
        let elem = &elems[i];
        if elem.break_before == BreakRule::NewPage && !current.is_empty() {
            pages.push(std::mem::take(&mut current));
            y = top;
        }
        let space = if current.is_empty() {
            0.0
        } else {
            elem.space_before
        };
        let bottom = bottom_of(pages.len());
        if current.is_empty() || y + space + elem.height <= bottom + 0.01 {
            current.push((i, y + space));
            y += space + elem.height;
            i += 1;
            continue;
        }
        // The element does not fit: end the page at the best earlier break.
        let first = current[0].0;
        let choose = |rule: BreakRule| {
            (first + 1..=i)
                .rev()
                .find(|&k| elems[k].break_before <= rule)
        };
        let k = choose(BreakRule::Allowed)
            .or_else(|| choose(BreakRule::Avoid))
            .unwrap_or(i);
        current.retain(|&(e, _)| e < k);
        pages.push(std::mem::take(&mut current));
        y = top;
        i = k;
    }
    if !current.is_empty() {
        pages.push(current);
    }
    pages
}

/// The pages' content and the outline, from the placed elements.
fn place(elems: &[Elem], pages: Placed) -> (Vec<Page>, Vec<Bookmark>) {
    let mut out = Vec::with_capacity(pages.len());
    let mut bookmarks = Vec::new();
    for (page_index, placed) in pages.into_iter().enumerate() {
        let mut content = Content::default();
        for (e, y) in placed {
            if let Some((title, level)) = &elems[e].bookmark {
                bookmarks.push(Bookmark {
                    title: title.clone(),
                    level: *level,
                    page: page_index,
                    y,
                });
            }
            content.append(elems[e].content.clone(), y);
        }
        out.push(Page {
            shapes: content.shapes,
            runs: content.runs,
            links: content.links,
            lines: content.lines,
            text: content.text,
        });
    }
    (out, bookmarks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Paper;

    fn elem(height: f32, rule: BreakRule) -> Elem {
        Elem {
            height,
            space_before: 0.0,
            break_before: rule,
            content: Content::default(),
            bookmark: None,
        }
    }

    fn page_of(elems: Vec<Elem>) -> Vec<usize> {
        let geometry = Geometry::new(Paper::A4);
        let count = elems.len();
        // Tag each element by its index through a bookmark.
        let elems: Vec<Elem> = elems
            .into_iter()
            .enumerate()
            .map(|(i, e)| Elem {
                bookmark: Some((i.to_string(), 0)),
                ..e
            })
            .collect();
        let (_, bookmarks) = paginate(elems, &geometry);
        assert_eq!(bookmarks.len(), count);
        bookmarks.iter().map(|b| b.page).collect()
    }

    #[test]
    fn a_heading_is_never_left_at_the_bottom_of_a_page() {
        let geometry = Geometry::new(Paper::A4);
        let text_height = geometry.text_bottom() - geometry.top;
        let filler = (text_height / 15.0).floor() as usize - 1;
        let mut elems: Vec<Elem> = (0..filler)
            .map(|_| elem(15.0, BreakRule::Allowed))
            .collect();
        elems.push(elem(15.0, BreakRule::Allowed)); // heading, last line that fits
        elems.push(elem(15.0, BreakRule::Never)); // first line after the heading
        elems.push(elem(15.0, BreakRule::Never));
        let pages = page_of(elems);
        assert_eq!(pages[filler], 1, "the heading moves to the next page");
        assert_eq!(pages[filler - 1], 0);
    }

    #[test]
    fn letters_start_new_pages() {
        let pages = page_of(vec![
            elem(10.0, BreakRule::Allowed),
            elem(10.0, BreakRule::NewPage),
            elem(10.0, BreakRule::Allowed),
        ]);
        assert_eq!(pages, [0, 1, 1]);
    }

    #[test]
    fn an_oversized_element_still_gets_a_page() {
        let pages = page_of(vec![
            elem(2000.0, BreakRule::Allowed),
            elem(10.0, BreakRule::Never),
        ]);
        assert_eq!(pages, [0, 1]);
    }
}
