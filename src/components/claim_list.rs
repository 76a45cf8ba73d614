//! The claims under test, as the record states them.

use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::i18n::Lang;

/// Props of [`ClaimList`].
#[derive(Properties, PartialEq)]
pub struct ClaimListProps {
    /// The record.
    pub scenario: ScenarioRef,
    /// The interface language.
    pub lang: Lang,
}

/// Every claim, with who made it and when.
#[function_component(ClaimList)]
pub fn claim_list(props: &ClaimListProps) -> Html {
    let lang = props.lang;
    let items = props.scenario.claims.iter().map(|c| {
        html! {
            <li class="cc-claim" data-claim={c.id.clone()}>
                <p class="cc-claim-text">{ lang.text(&c.text) }</p>
                <p class="cc-claim-who">
                    { format!("{} · {}", lang.text(&c.who), lang.text(&c.when)) }
                </p>
            </li>
        }
    });
    html! {
        <section class="cc-section">
            <h3>{ lang.ui().claims_heading }</h3>
            <ul class="cc-claims">{ for items }</ul>
        </section>
    }
}
