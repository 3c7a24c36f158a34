//! A small longest-common-subsequence diff, for drifted canonical lines and stale translations.

/// One step of turning `old` into `new`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// `old[i]` equals `new[j]`.
    Same(usize, usize),
    /// `old[i]` is gone.
    Delete(usize),
    /// `new[j]` is new.
    Insert(usize),
}

/// The edits from `old` to `new`, in order. Quadratic, which is fine for paragraphs and for
/// the lines of one alert (the inputs are at most a few hundred items).
pub fn diff<T: PartialEq>(old: &[T], new: &[T]) -> Vec<Edit> {
    // Trim the common prefix and suffix first: most comparisons differ in one place.
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (a, b) = (
        &old[prefix..old.len() - suffix],
        &new[prefix..new.len() - suffix],
    );
    let (n, m) = (a.len(), b.len());
    // lcs[i][j] = length of the LCS of a[i..] and b[j..].
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if a[i] == b[j] {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let mut edits: Vec<Edit> = (0..prefix).map(|i| Edit::Same(i, i)).collect();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            edits.push(Edit::Same(prefix + i, prefix + j));
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)]) {
            edits.push(Edit::Insert(prefix + j));
            j += 1;
        } else {
            edits.push(Edit::Delete(prefix + i));
            i += 1;
        }
    }
    edits.extend((0..suffix).map(|k| Edit::Same(old.len() - suffix + k, new.len() - suffix + k)));
    edits
}

/// A word diff for people: unchanged words as they are, `[-removed-]` and `{+added+}`.
pub fn word_diff(old: &str, new: &str) -> String {
    let old_words: Vec<&str> = old.split_whitespace().collect();
    let new_words: Vec<&str> = new.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut removed: Vec<&str> = Vec::new();
    let mut added: Vec<&str> = Vec::new();
    let flush = |out: &mut Vec<String>, removed: &mut Vec<&str>, added: &mut Vec<&str>| {
        if !removed.is_empty() {
            out.push(format!("[-{}-]", removed.join(" ")));
            removed.clear();
        }
        if !added.is_empty() {
            out.push(format!("{{+{}+}}", added.join(" ")));
            added.clear();
        }
    };
    for edit in diff(&old_words, &new_words) {
        match edit {
            Edit::Same(i, _) => {
                flush(&mut out, &mut removed, &mut added);
                out.push(old_words[i].to_owned());
            }
            Edit::Delete(i) => removed.push(old_words[i]),
            Edit::Insert(j) => added.push(new_words[j]),
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out.join(" ")
}

/// Shortens a word diff to the changes and a few words around them.
pub fn excerpt_changes(word_diff: &str, context: usize) -> String {
    let words: Vec<&str> = word_diff.split(' ').collect();
    let changed: Vec<bool> = {
        let mut inside = false;
        words
            .iter()
            .map(|w| {
                let starts = w.starts_with("[-") || w.starts_with("{+");
                let ends = w.ends_with("-]") || w.ends_with("+}");
                let mark = inside || starts;
                inside = (inside || starts) && !ends;
                mark
            })
            .collect()
    };
    let keep: Vec<bool> = (0..words.len())
        .map(|i| {
            let lo = i.saturating_sub(context);
            let hi = (i + context + 1).min(words.len());
            changed[lo..hi].iter().any(|&c| c)
        })
        .collect();
    let mut out = Vec::new();
    let mut skipped = false;
    for (i, word) in words.iter().enumerate() {
        if keep[i] {
            if skipped && !out.is_empty() {
                out.push("…");
            }
            out.push(word);
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
                Edit::Insert(1),
                Edit::Delete(1),
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
            ),
            "fines of up to [-15,000-] {+50,000+} Russian rubles"
        );
        assert_eq!(word_diff("a b", "a b c"), "a b {+c+}");
    }

    #[test]
    fn excerpts_keep_context_around_changes() {
        let text = word_diff(
            "one two three four five six seven",
            "one two three FOUR five six seven",
        );
        assert_eq!(
            excerpt_changes(&text, 1),
            "… three [-four-] {+FOUR+} five …"
        );
    }
}
