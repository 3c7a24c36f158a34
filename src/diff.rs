//! Diffs of lines and words (Myers, through `similar`), for drifted canonical lines and stale
//! translations.

use std::fmt;
use std::hash::Hash;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

/// How long one diff may search for the smallest set of edits. Myers' algorithm takes time in
/// proportion to the inputs' length times the number of differences and linear memory, so a
/// paragraph or an alert is diffed in microseconds; past the deadline `similar` settles for a
/// correct but coarser diff, so that a huge, wholly rewritten message cannot stall a check.
const DEADLINE: Duration = Duration::from_millis(500);

/// One step of turning `old` into `new`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Edit {
    /// `old[i]` equals `new[j]`.
    Same(usize, usize),
    /// `old[i]` is gone.
    Delete(usize),
    /// `new[j]` is new.
    Insert(usize),
}

/// The edits from `old` to `new`, in order; where items were replaced, the deletions come
/// before the insertions.
pub(crate) fn diff<T: Eq + Hash + Ord>(old: &[T], new: &[T]) -> Vec<Edit> {
    let deadline = Instant::now().checked_add(DEADLINE);
    let mut edits = Vec::with_capacity(old.len().max(new.len()));
    for op in capture_diff_slices_deadline(Algorithm::Myers, old, new, deadline) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => edits.extend(old_range.zip(new_range).map(|(i, j)| Edit::Same(i, j))),
            DiffTag::Delete | DiffTag::Insert | DiffTag::Replace => {
                edits.extend(old_range.map(Edit::Delete));
                edits.extend(new_range.map(Edit::Insert));
            }
        }
    }
    edits
}

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Change<'a> {
    Same(&'a str),
    /// Words of the old text that are gone, shown `[-…-]`.
    Removed(Vec<&'a str>),
    /// Words of the new text, shown `{+…+}`.
    Added(Vec<&'a str>),
}

/// A word diff for people: unchanged words as they are, `[-removed-]` and `{+added+}` when
/// shown. The changes stay structured, so shortening them never re-reads the markers (a word
/// that itself starts with `[-` is just a word).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordDiff<'a> {
    pub changes: Vec<Change<'a>>,
}

/// The word diff from `old` to `new` (words are separated by whitespace); in each changed
/// place, the removed words come before the added ones.
pub(crate) fn word_diff<'a>(old: &'a str, new: &'a str) -> WordDiff<'a> {
    let old_words: Vec<&str> = old.split_whitespace().collect();
    let new_words: Vec<&str> = new.split_whitespace().collect();
    let mut changes = Vec::new();
    let mut removed: Vec<&str> = Vec::new();
    let mut added: Vec<&str> = Vec::new();
    let flush =
        |changes: &mut Vec<Change<'a>>, removed: &mut Vec<&'a str>, added: &mut Vec<&'a str>| {
            if !removed.is_empty() {
                changes.push(Change::Removed(std::mem::take(removed)));
            }
            if !added.is_empty() {
                changes.push(Change::Added(std::mem::take(added)));
            }
        };
    for edit in diff(&old_words, &new_words) {
        match edit {
            Edit::Same(i, _) => {
                flush(&mut changes, &mut removed, &mut added);
                changes.push(Change::Same(old_words[i]));
            }
            Edit::Delete(i) => removed.push(old_words[i]),
            Edit::Insert(j) => added.push(new_words[j]),
        }
    }
    flush(&mut changes, &mut removed, &mut added);
    WordDiff { changes }
}

impl WordDiff<'_> {
    /// The words as shown, each with whether it is part of a change.
    fn tokens(&self) -> Vec<(String, bool)> {
        let mut tokens = Vec::new();
        for change in &self.changes {
            let (words, open, close) = match change {
                Change::Same(word) => {
                    tokens.push(((*word).to_owned(), false));
                    continue;
                }
                Change::Removed(words) => (words, "[-", "-]"),
                Change::Added(words) => (words, "{+", "+}"),
            };
            let last = words.len() - 1;
            for (k, word) in words.iter().enumerate() {
                let mut token = String::new();
                if k == 0 {
                    token.push_str(open);
                }
                token.push_str(word);
                if k == last {
                    token.push_str(close);
                }
                tokens.push((token, true));
            }
        }
        tokens
    }

    /// The changes and `context` words around each; `…` stands for the words left out.
    pub(crate) fn excerpt(&self, context: usize) -> String {
        let tokens = self.tokens();
        let keep: Vec<bool> = (0..tokens.len())
            .map(|i| {
                let lo = i.saturating_sub(context);
                let hi = (i + context + 1).min(tokens.len());
                tokens[lo..hi].iter().any(|(_, changed)| *changed)
            })
            .collect();
        let mut out: Vec<&str> = Vec::new();
        let mut skipped = false;
        for ((token, _), &kept) in tokens.iter().zip(&keep) {
            if kept {
                if skipped && !out.is_empty() {
                    out.push("…");
                }
                out.push(token);
                skipped = false;
            } else {
                skipped = true;
            }
        }
        let mut text = out.join(" ");
        if skipped {
            text.push_str(" …");
        }
        if keep.first() == Some(&false) {
            text.insert_str(0, "… ");
        }
        text
    }
}

impl fmt::Display for WordDiff<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (k, (token, _)) in self.tokens().iter().enumerate() {
            if k > 0 {
                f.write_str(" ")?;
            }
            f.write_str(token)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_finds_the_changed_item() {
        let edits = diff(&["a", "b", "c"], &["a", "x", "c"]);
        assert_eq!(
            edits,
            vec![
                Edit::Same(0, 0),
                Edit::Delete(1),
                Edit::Insert(1),
                Edit::Same(2, 2)
            ]
        );
    }

    #[test]
    fn word_diff_marks_changes() {
        assert_eq!(
            word_diff(
                "fines of up to 15,000 Russian rubles",
                "fines of up to 50,000 Russian rubles"
            )
            .to_string(),
            "fines of up to [-15,000-] {+50,000+} Russian rubles"
        );
        assert_eq!(word_diff("a b", "a b c").to_string(), "a b {+c+}");
        assert_eq!(
            word_diff("a b c d", "a x y d").to_string(),
            "a [-b c-] {+x y+} d"
        );
    }

    #[test]
    fn excerpts_keep_context_around_changes() {
        let diff = word_diff(
            "one two three four five six seven",
            "one two three FOUR five six seven",
        );
        assert_eq!(diff.excerpt(1), "… three [-four-] {+FOUR+} five …");
        let diff = word_diff("a b c d e f g h", "a B C d e f g h");
        assert_eq!(diff.excerpt(1), "a [-b c-] {+B C+} d …");
    }

    #[test]
    fn words_that_look_like_markers_are_only_words() {
        // The old excerpt re-read its own markers, so a word `[-x` opened a change.
        let diff = word_diff("[-a b c d e f", "[-a b c d e F");
        assert_eq!(diff.excerpt(1), "… e [-f-] {+F+}");
    }

    #[test]
    fn long_texts_are_diffed_in_linear_memory() {
        // 8,000 words each side: an LCS table would hold 64 million cells (256 MB).
        let words = || -> String {
            // Distinct words in no particular order.
            (0..8_000u32)
                .map(|i| format!("w{}", i * 7 % 9_973))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let old = words();
        let mut new_words: Vec<String> = old.split(' ').map(str::to_owned).collect();
        new_words[100] = "CHANGED".into();
        new_words.insert(5_000, "INSERTED".into());
        new_words.remove(7_000);
        let new = new_words.join(" ");
        let diff = word_diff(&old, &new);
        let changed: Vec<&Change> = diff
            .changes
            .iter()
            .filter(|c| !matches!(c, Change::Same(_)))
            .collect();
        assert_eq!(
            changed,
            [
                &Change::Removed(vec!["w700"]),
                &Change::Added(vec!["CHANGED"]),
                &Change::Added(vec!["INSERTED"]),
                &Change::Removed(vec!["w9101"]),
            ]
        );
        assert_eq!(
            diff.excerpt(1),
            "… w693 [-w700-] {+CHANGED+} w707 … w5074 {+INSERTED+} w5081 … w9094 [-w9101-] w9108 …"
        );
        // Two texts with no word in common: everything removed, then everything added.
        let other = old.replace('w', "v");
        let whole = word_diff(&old, &other);
        assert!(
            matches!(&whole.changes[..], [Change::Removed(r), Change::Added(a)] if r.len() == 8_000 && a.len() == 8_000)
        );
    }
}
