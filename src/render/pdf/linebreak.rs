//! Total-fit line breaking in the manner of Knuth and Plass, with a first-fit breaker for
//! ragged text.
//!
//! A paragraph is a list of boxes (unbreakable material), glue (stretchable space, a legal
//! break when it follows a box and is marked breakable) and penalties (a legal break with a
//! cost; hyphenation points carry the hyphen's width). The breaker minimises the sum of
//! demerits over the whole paragraph, so a loose line early is traded against tight ones
//! later, which is what keeps justified text free of rivers.

/// A cost that forbids (positive) or forces (negative) a break.
pub(crate) const INFINITE_PENALTY: f32 = 10_000.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ItemKind {
    Box,
    Glue {
        stretch: f32,
        shrink: f32,
        breakable: bool,
    },
    Penalty {
        cost: f32,
        flagged: bool,
    },
}

/// One item; `width` is its natural width (for a penalty, the width added when breaking there).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Item {
    pub kind: ItemKind,
    pub width: f32,
}

impl Item {
    pub(crate) fn boxed(width: f32) -> Self {
        Self {
            kind: ItemKind::Box,
            width,
        }
    }

    pub(crate) fn glue(width: f32, stretch: f32, shrink: f32, breakable: bool) -> Self {
        Self {
            kind: ItemKind::Glue {
                stretch,
                shrink,
                breakable,
            },
            width,
        }
    }

    pub(crate) fn penalty(width: f32, cost: f32, flagged: bool) -> Self {
        Self {
            kind: ItemKind::Penalty { cost, flagged },
            width,
        }
    }
}

/// The parameters TeX calls `\tolerance`, `\linepenalty`, `\adjdemerits`, `\doublehyphendemerits`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Params {
    /// Largest stretch ratio a line may have in the first pass.
    pub tolerance: f32,
    pub line_penalty: f32,
    /// Added when neighbouring lines differ by more than one fitness class.
    pub adjacent_demerits: f32,
    /// Added for two consecutive lines ending in a hyphen.
    pub double_hyphen_demerits: f32,
    /// Added when the second-last line ends in a hyphen.
    pub final_hyphen_demerits: f32,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            tolerance: 2.0,
            line_penalty: 10.0,
            adjacent_demerits: 10_000.0,
            double_hyphen_demerits: 30_000.0,
            final_hyphen_demerits: 60_000.0,
        }
    }
}

/// A chosen break: the index of the glue or penalty item the line ends at, and the line's
/// adjustment ratio (positive: stretched, negative: shrunk).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Break {
    pub item: usize,
    pub ratio: f32,
}

#[derive(Debug, Clone, Copy)]
struct Sums {
    width: f32,
    stretch: f32,
    shrink: f32,
}

#[derive(Debug, Clone)]
struct Node {
    /// Item index of the break (`usize::MAX` for the paragraph start).
    item: usize,
    line: usize,
    fitness: usize,
    flagged: bool,
    /// Sums of the material after the break (discardable items skipped).
    after: Sums,
    demerits: f64,
    ratio: f32,
    previous: Option<usize>,
}

/// Breaks `items` into lines of `width(line_index)`. The last item must be a forced break
/// (`penalty(0, -INFINITE_PENALTY, false)`), normally after a finishing glue of infinite
/// stretch. Always returns breaks: when no set of lines fits, overfull lines are accepted.
pub(crate) fn total_fit(
    items: &[Item],
    width: &dyn Fn(usize) -> f32,
    params: &Params,
) -> Vec<Break> {
    for pass in [Pass::Normal, Pass::Emergency] {
        if let Some(breaks) = run(items, width, params, pass) {
            return breaks;
        }
    }
    unreachable!("the emergency pass always finds breaks")
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Pass {
    Normal,
    Emergency,
}

fn prefix_sums(items: &[Item]) -> Vec<Sums> {
    let mut sums = Vec::with_capacity(items.len() + 1);
    let mut s = Sums {
        width: 0.0,
        stretch: 0.0,
        shrink: 0.0,
    };
    sums.push(s);
    for item in items {
        match item.kind {
            ItemKind::Box => s.width += item.width,
            ItemKind::Glue {
                stretch, shrink, ..
            } => {
                s.width += item.width;
                s.stretch += stretch;
                s.shrink += shrink;
            }
            // A penalty's width only counts when the line ends there.
            ItemKind::Penalty { .. } => {}
        }
        sums.push(s);
    }
    sums
}

fn is_legal_break(items: &[Item], i: usize) -> bool {
    match items[i].kind {
        ItemKind::Penalty { cost, .. } => cost < INFINITE_PENALTY,
        ItemKind::Glue { breakable, .. } => {
            breakable && i > 0 && items[i - 1].kind == ItemKind::Box
        }
        ItemKind::Box => false,
    }
}

/// The sums at the start of the line that follows a break at `i`: discardable glue and
/// penalties after the break do not begin the next line.
fn sums_after(items: &[Item], sums: &[Sums], i: usize) -> Sums {
    let mut j = i + 1;
    while j < items.len() {
        match items[j].kind {
            ItemKind::Box => break,
            ItemKind::Penalty { cost, .. } if cost <= -INFINITE_PENALTY && j > i => break,
            _ => j += 1,
        }
    }
    sums[j.min(items.len())]
}

fn fitness_class(ratio: f32) -> usize {
    if ratio < -0.5 {
        0
    } else if ratio <= 0.5 {
        1
    } else if ratio <= 1.0 {
        2
    } else {
        3
    }
}

fn run(
    items: &[Item],
    width: &dyn Fn(usize) -> f32,
    params: &Params,
    pass: Pass,
) -> Option<Vec<Break>> {
    let sums = prefix_sums(items);
    let mut nodes: Vec<Node> = vec![Node {
        item: usize::MAX,
        line: 0,
        fitness: 1,
        flagged: false,
        after: sums[0],
        demerits: 0.0,
        ratio: 0.0,
        previous: None,
    }];
    let mut active: Vec<usize> = vec![0];

    for b in 0..items.len() {
        if !is_legal_break(items, b) {
            continue;
        }
        let (penalty, flagged, penalty_width) = match items[b].kind {
            ItemKind::Penalty { cost, flagged } => (cost, flagged, items[b].width),
            _ => (0.0, false, 0.0),
        };
        let forced = penalty <= -INFINITE_PENALTY;
        // Best new node per fitness class: (demerits, from node, ratio).
        let mut best: [Option<(f64, usize, f32)>; 4] = [None; 4];
        let mut deactivated_best: Option<(f64, usize, f32)> = None;
        let mut kept = Vec::with_capacity(active.len());
        for &a in &active {
            let node = &nodes[a];
            let line_width = width(node.line);
            let natural = sums[b].width - node.after.width + penalty_width;
            let ratio = if natural < line_width {
                let stretch = sums[b].stretch - node.after.stretch;
                if stretch > 0.0 {
                    (line_width - natural) / stretch
                } else {
                    f32::INFINITY
                }
            } else if natural > line_width {
                let shrink = sums[b].shrink - node.after.shrink;
                if shrink > 0.0 {
                    (line_width - natural) / shrink
                } else {
                    f32::NEG_INFINITY
                }
            } else {
                0.0
            };
            let overfull = ratio < -1.0;
            if !overfull && !forced {
                kept.push(a);
            }
            let tolerance = if pass == Pass::Emergency {
                f32::INFINITY
            } else {
                params.tolerance
            };
            let feasible = !overfull && ratio <= tolerance;
            if feasible || (pass == Pass::Emergency && forced && !overfull) {
                let demerits =
                    node.demerits + demerits(params, ratio, penalty, flagged, node, forced);
                let class = fitness_class(ratio.min(10.0));
                let demerits = demerits
                    + if class.abs_diff(node.fitness) > 1 {
                        f64::from(params.adjacent_demerits)
                    } else {
                        0.0
                    };
                if best[class].is_none_or(|(d, _, _)| demerits < d) {
                    best[class] = Some((demerits, a, ratio));
                }
            } else if overfull && deactivated_best.is_none_or(|(d, _, _)| node.demerits < d) {
                deactivated_best = Some((node.demerits, a, ratio.max(-1.0)));
            }
        }
        active = kept;
        let mut created = false;
        for (class, candidate) in best.iter().enumerate() {
            if let Some((demerits, from, ratio)) = *candidate {
                nodes.push(Node {
                    item: b,
                    line: nodes[from].line + 1,
                    fitness: class,
                    flagged,
                    after: sums_after(items, &sums, b),
                    demerits,
                    ratio,
                    previous: Some(from),
                });
                active.push(nodes.len() - 1);
                created = true;
            }
        }
        // In the emergency pass an unbreakable stretch wider than the line would leave no
        // active node: keep the best overfull line instead, as TeX's final pass does.
        if !created && active.is_empty() && pass == Pass::Emergency {
            let (demerits, from, ratio) = deactivated_best?;
            nodes.push(Node {
                item: b,
                line: nodes[from].line + 1,
                fitness: 0,
                flagged,
                after: sums_after(items, &sums, b),
                demerits: demerits + 1e9,
                ratio,
                previous: Some(from),
            });
            active.push(nodes.len() - 1);
        }
        if active.is_empty() {
            return None;
        }
    }

    // The last item is a forced break, so every active node now ends the paragraph.
    let last = items.len().checked_sub(1)?;
    let best = active
        .iter()
        .copied()
        .filter(|&n| nodes[n].item == last)
        .min_by(|&a, &b| nodes[a].demerits.total_cmp(&nodes[b].demerits))?;
    let mut breaks = Vec::new();
    let mut cursor = Some(best);
    while let Some(n) = cursor {
        if nodes[n].item != usize::MAX {
            breaks.push(Break {
                item: nodes[n].item,
                ratio: nodes[n].ratio,
            });
        }
        cursor = nodes[n].previous;
    }
    breaks.reverse();
    Some(breaks)
}

fn demerits(
    params: &Params,
    ratio: f32,
    penalty: f32,
    flagged: bool,
    from: &Node,
    forced: bool,
) -> f64 {
    let badness = if ratio.is_finite() {
        100.0 * f64::from(ratio.abs()).powi(3)
    } else {
        1e6
    };
    let base = (f64::from(params.line_penalty) + badness.min(1e6)).powi(2);
    let penalty = f64::from(penalty);
    let mut d = if penalty >= 0.0 {
        base + penalty * penalty
    } else if !forced {
        base - penalty * penalty
    } else {
        base
    };
    if flagged && from.flagged {
        d += f64::from(params.double_hyphen_demerits);
    }
    if forced && from.flagged {
        d += f64::from(params.final_hyphen_demerits);
    }
    d
}

/// First-fit breaking for ragged text: each line takes as many items as fit.
pub(crate) fn first_fit(items: &[Item], width: &dyn Fn(usize) -> f32) -> Vec<Break> {
    let sums = prefix_sums(items);
    let mut breaks = Vec::new();
    let mut start = sums[0];
    let mut last_fit: Option<usize> = None;
    let mut b = 0;
    while b < items.len() {
        if !is_legal_break(items, b) {
            b += 1;
            continue;
        }
        let penalty_width = if matches!(items[b].kind, ItemKind::Penalty { .. }) {
            items[b].width
        } else {
            0.0
        };
        let natural = sums[b].width - start.width + penalty_width;
        let forced =
            matches!(items[b].kind, ItemKind::Penalty { cost, .. } if cost <= -INFINITE_PENALTY);
        let line_width = width(breaks.len());
        if natural > line_width + 0.01
            && let Some(fit) = last_fit.take()
        {
            breaks.push(Break {
                item: fit,
                ratio: 0.0,
            });
            start = sums_after(items, &sums, fit);
            b = fit + 1;
            continue;
        }
        if forced {
            breaks.push(Break {
                item: b,
                ratio: 0.0,
            });
            break;
        }
        if natural <= line_width + 0.01 || last_fit.is_none() {
            last_fit = Some(b);
        }
        b += 1;
    }
    breaks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of the given widths separated by spaces of width 1 (stretch 1, shrink 0.5).
    fn words(widths: &[f32]) -> Vec<Item> {
        let mut items = Vec::new();
        for (i, &w) in widths.iter().enumerate() {
            if i > 0 {
                items.push(Item::glue(1.0, 1.0, 0.5, true));
            }
            items.push(Item::boxed(w));
        }
        items.push(Item::glue(0.0, 1e6, 0.0, false));
        items.push(Item::penalty(0.0, -INFINITE_PENALTY, false));
        items
    }

    #[test]
    fn a_paragraph_that_fits_is_one_line() {
        let items = words(&[3.0, 3.0]);
        let breaks = total_fit(&items, &|_| 20.0, &Params::default());
        assert_eq!(breaks.len(), 1);
        assert_eq!(breaks[0].item, items.len() - 1);
    }

    /// The adjustment ratio of each line of a breaking.
    fn ratios(items: &[Item], breaks: &[Break], width: f32) -> Vec<f32> {
        let sums = prefix_sums(items);
        let mut start = sums[0];
        let mut out = Vec::new();
        for b in breaks {
            let natural = sums[b.item].width - start.width;
            let (stretch, shrink) = (
                sums[b.item].stretch - start.stretch,
                sums[b.item].shrink - start.shrink,
            );
            out.push(if natural <= width {
                (width - natural) / stretch
            } else {
                (width - natural) / shrink
            });
            start = sums_after(items, &sums, b.item);
        }
        out
    }

    #[test]
    fn total_fit_finds_the_least_demerits_of_all_breakings() {
        // Compare with brute force over every set of breaks (no fitness-class demerits).
        let params = Params {
            adjacent_demerits: 0.0,
            ..Params::default()
        };
        let widths = [7.0, 3.0, 5.0, 4.0, 6.0, 2.0, 5.0, 3.0, 6.0];
        let items = words(&widths);
        let width = 17.0;
        let glue: Vec<usize> = (0..items.len())
            .filter(|&i| is_legal_break(&items, i))
            .collect();
        let last = items.len() - 1;
        let cost = |breaks: &[usize]| -> Option<f64> {
            let all: Vec<Break> = breaks
                .iter()
                .chain([&last])
                .map(|&item| Break { item, ratio: 0.0 })
                .collect();
            let rs = ratios(&items, &all, width);
            let mut total = 0.0;
            for (k, r) in rs.iter().enumerate() {
                let is_last = k + 1 == rs.len();
                let r = if is_last { r.min(0.0) } else { *r };
                if r < -1.0 || r > params.tolerance {
                    return None;
                }
                total +=
                    (f64::from(params.line_penalty) + 100.0 * f64::from(r.abs()).powi(3)).powi(2);
            }
            Some(total)
        };
        let mut best = f64::INFINITY;
        for mask in 0u32..(1 << glue.len()) {
            let breaks: Vec<usize> = (0..glue.len())
                .filter(|b| mask & (1 << b) != 0)
                .map(|b| glue[b])
                .collect();
            if let Some(c) = cost(&breaks) {
                best = best.min(c);
            }
        }
        let found = total_fit(&items, &|_| width, &params);
        let chosen: Vec<usize> = found[..found.len() - 1].iter().map(|b| b.item).collect();
        let c = cost(&chosen).expect("a feasible breaking");
        assert!((c - best).abs() < 1e-6 * best, "total fit {c}, best {best}");
        let greedy = first_fit(&items, &|_| width);
        let greedy: Vec<usize> = greedy[..greedy.len() - 1].iter().map(|b| b.item).collect();
        assert!(cost(&greedy).is_none_or(|g| g >= c));
    }

    #[test]
    fn an_overlong_word_still_breaks() {
        let items = words(&[3.0, 50.0, 3.0]);
        let breaks = total_fit(&items, &|_| 10.0, &Params::default());
        assert_eq!(breaks.last().unwrap().item, items.len() - 1);
        assert!(breaks.len() >= 2);
    }

    #[test]
    fn glue_that_is_not_breakable_never_breaks() {
        let mut items = words(&[5.0, 5.0, 5.0]);
        // Make the second space a no-break space.
        items[3] = Item::glue(1.0, 1.0, 0.5, false);
        let breaks = total_fit(&items, &|_| 12.0, &Params::default());
        assert!(breaks.iter().all(|b| b.item != 3));
    }
}
