//! Any bytes, cut into parts at places the input chooses, through the streaming decoder: it
//! never panics, and it reads a body exactly when the whole-body reader does.
#![no_main]

use papersift::domain::feed::parse_feed;
use papersift::domain::feed::stream::FeedStream;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&part, body)) = data.split_first() else {
        return;
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a valid date");
    let mut stream = FeedStream::new(today);
    let mut pushed = Ok(());
    for chunk in body.chunks(usize::from(part) + 1) {
        pushed = pushed.and_then(|()| stream.push(chunk));
        let _ = stream.preview();
    }
    let streamed = pushed.and_then(|()| stream.finish());
    match (parse_feed(body, today), streamed) {
        (Ok(whole), Ok(streamed)) => assert_eq!(whole, streamed),
        (Err(_), Err(_)) => {}
        (whole, streamed) => panic!("whole {:?} but streamed {:?}", whole.map(|f| f.papers.len()), streamed.map(|f| f.papers.len())),
    }
});
