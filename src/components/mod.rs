//! Small views, one public component per file, each wiring signals to the domain.

mod copy_link;
mod data_panel;
mod display_panel;
mod feed_loading;
mod mute_menu;
mod mutes_panel;
mod paper_actions;
mod paper_browser;
mod paper_card;
mod period_nav;
mod search_box;
mod sort_select;
mod source_errors;
mod source_notices;
mod sources_panel;
mod status_line;

pub use copy_link::CopyLink;
pub use data_panel::DataPanel;
pub use display_panel::DisplayPanel;
pub use feed_loading::FeedLoading;
pub use mute_menu::MuteMenu;
pub use mutes_panel::MutesPanel;
pub use paper_actions::PaperActions;
pub use paper_browser::PaperBrowser;
pub use paper_card::PaperCard;
pub use period_nav::PeriodNav;
pub use search_box::SearchBox;
pub use sort_select::SortSelect;
pub use source_errors::SourceErrors;
pub use source_notices::SourceNotices;
pub use sources_panel::SourcesPanel;
pub use status_line::StatusLine;
