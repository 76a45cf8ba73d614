//! One parameter: a slider paired with a number input, its unit, range,
//! default and a reset button, all from the model's parameter list.

use claimcheck_model::locale::Lang;
use claimcheck_model::scenario::{ParamSpec, Provenance};
use claimcheck_model::words::Words;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::ScenarioRef;
use crate::components::next_id;
use crate::i18n::ui;
use crate::settings::plain;

/// Props of [`ParamSlider`].
#[derive(Properties, PartialEq)]
pub struct ParamSliderProps {
    /// The incident (for dates and units).
    pub scenario: ScenarioRef,
    /// The parameter's index.
    pub index: usize,
    /// Its current value.
    pub value: f64,
    /// The interface language.
    pub lang: Lang,
    /// Called with a new value (already a number; the reducer clamps).
    pub on_change: Callback<f64>,
    /// Called to put it back to its default.
    pub on_reset: Callback<()>,
}

/// The control.
#[function_component(ParamSlider)]
pub fn param_slider(props: &ParamSliderProps) -> Html {
    let lang = props.lang;
    let ui = ui(lang);
    let spec: &ParamSpec = &props.scenario.params[props.index];
    let w = Words::new(&props.scenario, lang);
    let id = use_memo((), |_| next_id("cc-param"));
    let hint_id = format!("{}-hint", *id);
    let label = spec.label.get(lang.key());
    let shown = w.value(spec, props.value);
    let kind = match spec.provenance {
        Provenance::Record => ui.record_fact,
        Provenance::Assumption => ui.assumption,
    };

    if spec.is_fixed() {
        return html! {
            <div class="cc-param cc-param-fixed" data-param={spec.id.clone()}>
                <span class="cc-param-label">{ label }</span>
                <span class="cc-param-value">{ shown }</span>
                <span class="cc-badge">{ kind }</span>
            </div>
        };
    }

    let parse = |e: &Event| -> Option<f64> {
        let input: HtmlInputElement = e.target_unchecked_into();
        claimcheck_model::locale::parse_number(
            &input.value().trim().replace(',', "."),
        )
    };
    let on_slide = {
        let cb = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = parse(&e) {
                cb.emit(v)
            }
        })
    };
    let on_number = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = parse(&e) {
                cb.emit(v)
            }
        })
    };
    let on_key = {
        let cb = props.on_change.clone();
        let (value, step, min, max) =
            (props.value, spec.step, spec.min, spec.max);
        Callback::from(move |e: KeyboardEvent| {
            if let Some(v) = key_value(&e.key(), value, step, min, max) {
                e.prevent_default();
                cb.emit(v);
            }
        })
    };
    let on_reset = {
        let cb = props.on_reset.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let changed = props.value != spec.default;
    let range = format!(
        "{} · {} {}",
        Lang::capitalize(&w.range(spec)),
        lang.colon(&Lang::capitalize(ui.default_word)),
        w.value(spec, spec.default)
    );
    html! {
        <div class={classes!("cc-param", changed.then_some("cc-param-changed"))}
            data-param={spec.id.clone()}>
            <label class="cc-param-label" for={(*id).clone()}>{ label }</label>
            <div class="cc-param-inputs">
                <input id={(*id).clone()} type="range" data-param={spec.id.clone()}
                    min={plain(spec.min)} max={plain(spec.max)} step={plain(spec.step)}
                    value={plain(props.value)}
                    aria-valuetext={shown.clone()}
                    aria-describedby={hint_id.clone()}
                    oninput={on_slide} onkeydown={on_key} />
                <input type="number" class="cc-number" data-param={spec.id.clone()}
                    min={plain(spec.min)} max={plain(spec.max)} step={plain(spec.step)}
                    value={plain(props.value)}
                    aria-label={label.to_string()}
                    onchange={on_number} />
                <output class="cc-readout-value" for={(*id).clone()} aria-hidden="true">{ shown }</output>
                <button type="button" class="cc-reset-param" onclick={on_reset}
                    disabled={!changed}
                    aria-label={format!("{} {}", ui.reset_param, lang.quote(label))}>
                    { "↺" }
                </button>
            </div>
            <p class="cc-param-hint" id={hint_id}>
                <span class="cc-badge">{ kind }</span>{ " " }{ range }
            </p>
        </div>
    }
}

/// The value a slider key moves to, per the ARIA slider pattern:
/// arrows one step, Page Up/Down ten steps, Home/End the ends. `None`
/// for other keys.
pub fn key_value(
    key: &str,
    value: f64,
    step: f64,
    min: f64,
    max: f64,
) -> Option<f64> {
    let next = match key {
        "ArrowRight" | "ArrowUp" => value + step,
        "ArrowLeft" | "ArrowDown" => value - step,
        "PageUp" => value + 10.0 * step,
        "PageDown" => value - 10.0 * step,
        "Home" => min,
        "End" => max,
        _ => return None,
    };
    // Snap to the step grid from `min`, so float error never builds up.
    let snapped = min + ((next - min) / step).round() * step;
    Some(snapped.clamp(min, max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slider_keys_follow_the_aria_pattern() {
        assert_eq!(key_value("ArrowRight", 30.0, 5.0, 5.0, 120.0), Some(35.0));
        assert_eq!(key_value("ArrowDown", 30.0, 5.0, 5.0, 120.0), Some(25.0));
        assert_eq!(key_value("PageUp", 30.0, 5.0, 5.0, 120.0), Some(80.0));
        assert_eq!(key_value("PageUp", 100.0, 5.0, 5.0, 120.0), Some(120.0));
        assert_eq!(key_value("Home", 30.0, 5.0, 5.0, 120.0), Some(5.0));
        assert_eq!(key_value("End", 30.0, 5.0, 5.0, 120.0), Some(120.0));
        assert_eq!(key_value("Tab", 30.0, 5.0, 5.0, 120.0), None);
        assert_eq!(key_value("ArrowRight", 0.1, 0.1, 0.0, 1.0), Some(0.2));
    }
}
