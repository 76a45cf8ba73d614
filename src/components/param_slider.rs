//! One parameter: a slider paired with a number input, its unit, range,
//! default and a reset button, all from the model's parameter list.

use claimcheck_model::params::{ParamSpec, Provenance};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::figure::next_id;
use crate::i18n::Lang;
use crate::settings::plain;

/// Props of [`ParamSlider`].
#[derive(Properties, PartialEq)]
pub struct ParamSliderProps {
    /// The parameter.
    pub spec: &'static ParamSpec,
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
    let ui = lang.ui();
    let spec = props.spec;
    let id = use_memo((), |_| next_id("cc-param"));
    let hint_id = format!("{}-hint", *id);
    let label = if lang == Lang::Fr { spec.label_fr } else { spec.label };
    let decimals = decimals(spec.step);
    let unit = lang.unit(spec.unit);
    let shown = lang.number(props.value, decimals);
    let kind = match spec.provenance {
        Provenance::Record => ui.record_fact,
        Provenance::Assumption => ui.assumption,
    };

    if spec.is_fixed() {
        return html! {
            <div class="cc-param cc-param-fixed" data-param={spec.name}>
                <span class="cc-param-label">{ label }</span>
                <span class="cc-param-value">{ format!("{shown} {}", unit) }</span>
                <span class="cc-badge">{ kind }</span>
            </div>
        };
    }

    let parse = |e: &Event| -> Option<f64> {
        let input: HtmlInputElement = e.target_unchecked_into();
        input.value().trim().replace(',', ".").parse::<f64>().ok()
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
        "{} {} – {} {} · {} {} {}",
        ui.col_range.to_lowercase(),
        lang.number(spec.min, decimals),
        lang.number(spec.max, decimals),
        unit,
        ui.default_word,
        lang.number(spec.default, decimals),
        unit
    );
    html! {
        <div class={classes!("cc-param", changed.then_some("cc-param-changed"))}
            data-param={spec.name}>
            <label class="cc-param-label" for={(*id).clone()}>{ label }</label>
            <div class="cc-param-inputs">
                <input id={(*id).clone()} type="range" data-param={spec.name}
                    min={plain(spec.min)} max={plain(spec.max)} step={plain(spec.step)}
                    value={plain(props.value)}
                    aria-valuetext={format!("{shown} {}", unit)}
                    aria-describedby={hint_id.clone()}
                    oninput={on_slide} onkeydown={on_key} />
                <input type="number" class="cc-number" data-param={spec.name}
                    min={plain(spec.min)} max={plain(spec.max)} step={plain(spec.step)}
                    value={plain(props.value)}
                    aria-label={format!("{label} ({})", unit)}
                    onchange={on_number} />
                <span class="cc-unit" aria-hidden="true">{ unit }</span>
                <button type="button" class="cc-reset-param" onclick={on_reset}
                    disabled={!changed}
                    aria-label={format!("{} {label}", ui.reset_param)}>
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

/// Decimals needed to show multiples of `step`.
pub fn decimals(step: f64) -> usize {
    let mut d = 0;
    let mut s = step.abs();
    while d < 4 && (s - s.round()).abs() > 1e-9 {
        s *= 10.0;
        d += 1;
    }
    d
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

    #[test]
    fn decimals_follow_the_step() {
        assert_eq!(decimals(1.0), 0);
        assert_eq!(decimals(0.5), 1);
        assert_eq!(decimals(0.05), 2);
    }
}
