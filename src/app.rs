//! The root component: holds the scenario and UI state, lays out the
//! view.

use std::rc::Rc;

use claimcheck_model::scenario::Scenario;
use yew::prelude::*;

use crate::components::{
    background::Background, claim_list::ClaimList, event_detail::EventDetail,
    event_list::EventList, timeline::Timeline,
};
use crate::data;
use crate::i18n::Lang;

/// The widget's properties.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The interface language.
    #[prop_or_default]
    pub lang: Lang,
}

/// A shared, immutable scenario. Equality is identity: the scenario is
/// parsed once per widget and never changes.
#[derive(Clone)]
pub struct ScenarioRef(pub Rc<Scenario>);

impl PartialEq for ScenarioRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for ScenarioRef {
    type Target = Scenario;
    fn deref(&self) -> &Scenario {
        &self.0
    }
}

/// The widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let lang = props.lang;
    let scenario = use_memo((), |_| ScenarioRef(Rc::new(data::eta_2016())));
    let selected = use_state(|| None::<AttrValue>);
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |id: AttrValue| selected.set(Some(id)))
    };

    let scenario = (*scenario).clone();

    html! {
        <article class="cc-root" lang={lang.tag()}>
            <header class="cc-header">
                <h2 class="cc-title">{ lang.text(&scenario.title) }</h2>
                if let Some(sub) = &scenario.subtitle {
                    <p class="cc-subtitle">{ lang.text(sub) }</p>
                }
            </header>
            <Timeline
                scenario={scenario.clone()}
                {lang}
                selected={(*selected).clone()}
                on_select={on_select}
            />
            <EventDetail
                scenario={scenario.clone()}
                {lang}
                selected={(*selected).clone()}
            />
            <EventList scenario={scenario.clone()} {lang} />
            <ClaimList scenario={scenario.clone()} {lang} />
            <Background scenario={scenario} {lang} />
        </article>
    }
}
