use leptos::prelude::*;

/// The icons the app draws, inline (no icon font, no request to another origin).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IconName {
    /// Save (outline) and saved (filled).
    Bookmark,
    /// Saved.
    BookmarkFilled,
    /// A paper's More menu.
    More,
    /// The app menu.
    Menu,
    /// The filters panel.
    Filter,
    /// Search help.
    Help,
    /// Previous period.
    ChevronLeft,
    /// Next period.
    ChevronRight,
    /// A button named in words that opens a menu (Export).
    ChevronDown,
    /// Close a panel or remove a chip.
    Close,
    /// The List layout.
    List,
    /// The Compact layout.
    Rows,
    /// The Grid layout.
    Grid,
}

impl IconName {
    /// The SVG path, on a 24 × 24 grid, and whether it is filled (else stroked).
    fn path(self) -> (&'static str, bool) {
        match self {
            Self::Bookmark => ("M6.5 3.5h11v17l-5.5-3.8-5.5 3.8z", false),
            Self::BookmarkFilled => ("M6.5 3.5h11v17l-5.5-3.8-5.5 3.8z", true),
            Self::More => (
                "M12 4a2 2 0 1 1 0 4a2 2 0 1 1 0-4zM12 10a2 2 0 1 1 0 4a2 2 0 1 1 0-4zM12 16a2 2 0 1 1 0 4a2 2 0 1 1 0-4z",
                true,
            ),
            Self::Menu => ("M4 6.5h16M4 12h16M4 17.5h16", false),
            Self::Filter => ("M4 7h9M17 7h3M4 17h3M11 17h9M15 4.5v5M9 14.5v5", false),
            Self::Help => (
                "M12 21a9 9 0 1 0 0-18a9 9 0 1 0 0 18zM9.6 9.3a2.5 2.5 0 1 1 3.4 2.3c-.7.3-1 .8-1 1.5v.4M12 16.6v.4",
                false,
            ),
            Self::ChevronLeft => ("M14.5 5.5 8 12l6.5 6.5", false),
            Self::ChevronRight => ("M9.5 5.5 16 12l-6.5 6.5", false),
            Self::ChevronDown => ("M5.5 9.5 12 16l6.5-6.5", false),
            Self::Close => ("M6.5 6.5l11 11M17.5 6.5l-11 11", false),
            Self::List => ("M4 5h16v5H4zM4 14h16v5H4z", false),
            Self::Rows => ("M4 5.5h16M4 10h16M4 14.5h16M4 19h16", false),
            Self::Grid => ("M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z", false),
        }
    }
}

/// An icon, hidden from assistive technology: the control it sits in carries the name.
#[component]
pub fn Icon(name: IconName) -> impl IntoView {
    let (d, filled) = name.path();
    view! {
        <svg
            class="icon"
            viewBox="0 0 24 24"
            width="18"
            height="18"
            aria-hidden="true"
            focusable="false"
            fill=if filled { "currentColor" } else { "none" }
            stroke=if filled { "none" } else { "currentColor" }
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
        >
            <path d=d />
        </svg>
    }
}
