//! What the lists share (the drafts, the templates): moving by a row, a
//! page or to either end, the first row in sight kept apart from the row
//! chosen (so that moving up does not scroll at once), the position said
//! as `12/5 000`, and a scroll bar when the list runs past its view.

use super::keys::Action;
use poignee::lang::Lang;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

/// Where `action` takes the choice in a list of `len` rows whose view has
/// `page` rows; `None` when it is not a move of lists.
pub fn moved(action: Action, selected: usize, len: usize, page: usize) -> Option<usize> {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    let to = match action {
        Action::Up => selected.saturating_sub(1),
        Action::Down => (selected + 1).min(last),
        Action::PageUp => selected.saturating_sub(page),
        Action::PageDown => (selected + page).min(last),
        Action::Home | Action::Top => 0,
        Action::End | Action::Bottom => last,
        _ => return None,
    };
    Some(to)
}

/// The first row in sight: the one before, moved just enough for the
/// choice to be in a view of `page` rows, and no further than the end.
pub fn follow(selected: usize, offset: usize, page: usize, len: usize) -> usize {
    let page = page.max(1);
    let offset = if selected < offset {
        selected
    } else if selected >= offset + page {
        selected + 1 - page
    } else {
        offset
    };
    offset.min(len.saturating_sub(page))
}

/// A share as the language writes it: `45 %` in French (a narrow no-break
/// space), `45%` in English.
pub fn percent(share: f64, lang: Lang) -> String {
    let n = (share * 100.0).round();
    match lang {
        Lang::Fr => format!("{n:.0}\u{202f}%"),
        Lang::En => format!("{n:.0}%"),
    }
}

/// "12/5 000": the row chosen, of how many; "0/0" for none.
pub fn position(selected: usize, len: usize, lang: Lang) -> String {
    let at = if len == 0 { 0 } else { selected + 1 };
    format!("{}/{}", lang.count(at), lang.count(len))
}

/// A scroll bar down the right column of `area` when `len` rows do not fit
/// in `page`: where the view is, and that the list goes on (its arrows).
pub fn scrollbar(
    area: Rect,
    buf: &mut Buffer,
    len: usize,
    offset: usize,
    page: usize,
    style: Style,
) {
    if len <= page || area.height < 3 || area.width == 0 {
        return;
    }
    // The bar's last position is the last first row, so that the thumb
    // reaches the end when the last row is in sight.
    let mut state = ScrollbarState::new(len.saturating_sub(page) + 1)
        .position(offset)
        .viewport_content_length(page);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(Some("↑"))
        .end_symbol(Some("↓"))
        .track_symbol(Some("│"))
        .thumb_symbol("█")
        .style(style)
        .render(area, buf, &mut state);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_by_page_and_to_the_ends_and_the_view_follows() {
        assert_eq!(moved(Action::PageDown, 0, 5000, 10), Some(10));
        assert_eq!(moved(Action::PageDown, 4995, 5000, 10), Some(4999));
        assert_eq!(moved(Action::PageUp, 3, 5000, 10), Some(0));
        assert_eq!(moved(Action::End, 3, 5000, 10), Some(4999));
        assert_eq!(moved(Action::Home, 3, 5000, 10), Some(0));
        assert_eq!(moved(Action::Down, 0, 0, 10), Some(0));
        assert_eq!(moved(Action::Confirm, 0, 5, 10), None);
        // Moving up inside the view does not scroll.
        assert_eq!(follow(15, 10, 10, 5000), 10);
        assert_eq!(follow(9, 10, 10, 5000), 9);
        assert_eq!(follow(25, 10, 10, 5000), 16);
        assert_eq!(follow(3, 40, 10, 12), 2);
    }

    #[test]
    fn counts_are_grouped_the_language_s_way() {
        assert_eq!(Lang::Fr.count(5000), "5\u{202f}000");
        assert_eq!(Lang::En.count(5000), "5,000");
        assert_eq!(Lang::En.count(999), "999");
        assert_eq!(Lang::En.count(1_234_567), "1,234,567");
        assert_eq!(position(11, 5000, Lang::Fr), "12/5\u{202f}000");
        assert_eq!(position(0, 0, Lang::En), "0/0");
        assert_eq!(percent(1.0, Lang::En), "100%");
        assert_eq!(percent(0.454, Lang::Fr), "45\u{202f}%");
    }
}
