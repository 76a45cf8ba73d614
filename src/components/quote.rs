//! A verbatim quotation with its speaker and source. A French reader
//! gets a free translation of an English quote, marked as such, with the
//! original one tap away; the original never changes.

use claimcheck_model::locale::Lang;
use claimcheck_model::scenario::Quote as QuoteData;
use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::i18n::ui;

/// Props of [`Quote`].
#[derive(Properties, PartialEq)]
pub struct QuoteProps {
    /// The incident.
    pub scenario: ScenarioRef,
    /// The interface language.
    pub lang: Lang,
    /// The quotation.
    pub quote: QuoteData,
}

/// A quotation, attributed.
#[function_component(Quote)]
pub fn quote(props: &QuoteProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let q = &props.quote;
    let publisher = props
        .scenario
        .source(&q.source)
        .map_or(q.source.clone(), |s| s.publisher.get(lang.key()).to_string());
    let original_lang = Lang::from_tag(&q.lang).unwrap_or(Lang::En);
    let speaker = q.speaker.as_ref().map(|s| s.get(lang.key()).to_string());
    // "CBC News (Dean Beeby)" already names the publisher.
    let named =
        speaker.as_deref().is_some_and(|sp| sp.contains(publisher.as_str()));
    let attribution = html! {
        <figcaption>
            { "— " }
            if let Some(sp) = speaker {
                { if named { sp } else { format!("{sp}, ") } }
            }
            if !named { <cite>{ publisher }</cite> }
        </figcaption>
    };
    match (&q.translation_fr, lang) {
        (Some(tr), Lang::Fr) if original_lang != Lang::Fr => html! {
            <figure class="cc-quote">
                <blockquote lang="fr-CA">
                    <p>{ lang.quote(tr) }{ format!(" ({})", ui.free_translation) }</p>
                </blockquote>
                <details class="cc-original">
                    <summary>{ ui.show_original }</summary>
                    <blockquote lang={q.lang.clone()}>
                        <p>{ original_lang.quote(&q.text) }</p>
                    </blockquote>
                </details>
                { attribution }
            </figure>
        },
        _ => html! {
            <figure class="cc-quote">
                <blockquote lang={q.lang.clone()}>
                    <p>{ lang.quote(&q.text) }</p>
                </blockquote>
                { attribution }
            </figure>
        },
    }
}
