//! A verbatim quotation with its speaker and source.

use claimcheck_model::scenario::Quote as QuoteData;
use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::i18n::Lang;

/// Props of [`Quote`].
#[derive(Properties, PartialEq)]
pub struct QuoteProps {
    /// The record.
    pub scenario: ScenarioRef,
    /// The interface language.
    pub lang: Lang,
    /// The quotation.
    pub quote: QuoteData,
}

/// A quotation in its original language, attributed.
#[function_component(Quote)]
pub fn quote(props: &QuoteProps) -> Html {
    let lang = props.lang;
    let q = &props.quote;
    let publisher = props
        .scenario
        .source(&q.source)
        .map_or(q.source.as_str(), |s| s.publisher.as_str());
    html! {
        <figure class="cc-quote">
            <blockquote lang={q.lang.clone()}>
                <p>{ format!("“{}”", q.text) }</p>
            </blockquote>
            <figcaption>
                if let Some(speaker) = &q.speaker {
                    { format!("— {}, ", lang.text(speaker)) }
                } else {
                    { "— " }
                }
                <cite>{ publisher }</cite>
            </figcaption>
        </figure>
    }
}
