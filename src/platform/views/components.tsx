/**
 * Typed wrappers around the Scottish Government Design System (v4) markup.
 * Each one renders the design system's own classes and structure so its CSS and
 * JavaScript apply unchanged; none needs JavaScript to work.
 */
import type { ComponentChildren, VNode } from 'preact';

/** Icons ship as one SVG sprite in the design system's dist folder, served under /assets/ds/. */
export const ICON_SPRITE = '/assets/ds/images/icons/icons.stack.svg';

export type IconName =
  | 'arrow_upward'
  | 'calendar_today'
  | 'cancel'
  | 'check_circle'
  | 'chevron_left'
  | 'chevron_right'
  | 'close'
  | 'description'
  | 'double_chevron_left'
  | 'double_chevron_right'
  | 'error'
  | 'expand_less'
  | 'expand_more'
  | 'info'
  | 'list'
  | 'menu'
  | 'priority_high'
  | 'search'
  | 'warning';

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

export interface KeyValue {
  key: ComponentChildren;
  value: ComponentChildren;
}

type ClassPart = string | false | null | undefined;

/** Joins the truthy class names; undefined when there are none, so no empty class attribute is rendered. */
export function classNames(...parts: ClassPart[]): string | undefined {
  const value = parts.filter((part): part is string => Boolean(part)).join(' ');
  return value === '' ? undefined : value;
}

function joinIds(...ids: (string | false | null | undefined)[]): string | undefined {
  const value = ids.filter(Boolean).join(' ');
  return value === '' ? undefined : value;
}

/**
 * Turns a field path such as `learningOutcomes[2].text` into an HTML id
 * (`learningOutcomes-2-text`). Controls use it as their default id and the error
 * summary links to it, so both always agree. Ids start with a letter because the
 * design system looks link targets up with querySelector.
 */
export function fieldId(field: string): string {
  const id = field
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[A-Za-z]/.test(id) ? id : `field-${id}`;
}

export function hintId(id: string): string {
  return `${id}-hint`;
}

export function errorId(id: string): string {
  return `${id}-error`;
}

function Heading({
  level,
  class: className,
  id,
  children,
}: {
  level: HeadingLevel;
  class?: string;
  id?: string;
  children: ComponentChildren;
}): VNode {
  // All heading levels take the same attributes; 'h2' only names one of them for the type checker.
  const Tag = `h${level}` as 'h2';
  return (
    <Tag class={className} id={id}>
      {children}
    </Tag>
  );
}

export function Icon({ name, class: className }: { name: IconName; class?: string }): VNode {
  return (
    <svg class={classNames('ds_icon', className)} aria-hidden="true" focusable="false">
      <use href={`${ICON_SPRITE}#${name}`} />
    </svg>
  );
}

// ---------------------------------------------------------------------------
// Page structure

export interface PageHeaderProps {
  title: ComponentChildren;
  /** Small label above the title, e.g. the kind of page. */
  label?: ComponentChildren;
  metadata?: KeyValue[];
  children?: ComponentChildren;
}

export function PageHeader({ title, label, metadata, children }: PageHeaderProps): VNode {
  return (
    <header class="ds_page-header">
      {label !== undefined && <span class="ds_page-header__label ds_content-label">{label}</span>}
      <h1 class="ds_page-header__title">{title}</h1>
      {metadata && metadata.length > 0 && <Metadata items={metadata} class="ds_page-header__metadata" />}
      {children}
    </header>
  );
}

export interface MetadataProps {
  items: KeyValue[];
  /** One line, keys visually hidden (the design system's inline variant). */
  isInline?: boolean;
  class?: string;
}

export function Metadata({ items, isInline = false, class: className }: MetadataProps): VNode {
  return (
    <dl class={classNames(className, 'ds_metadata', isInline && 'ds_metadata--inline')}>
      {items.map((item, index) => (
        <div class="ds_metadata__item" key={index}>
          <dt class="ds_metadata__key">{item.key}</dt> <dd class="ds_metadata__value">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

// ---------------------------------------------------------------------------
// Forms

export interface FormError {
  field: string;
  message: string;
}

export interface ErrorSummaryProps {
  errors: readonly FormError[];
  title?: string;
}

/** Lists every problem on the page, each linking to its field. Renders nothing when there are none. */
export function ErrorSummary({ errors, title = 'There is a problem' }: ErrorSummaryProps): VNode | null {
  if (errors.length === 0) return null;
  return (
    <div
      class="ds_error-summary"
      id="error-summary"
      aria-labelledby="error-summary-title"
      role="alert"
      tabindex={-1}
    >
      <h2 class="ds_error-summary__title" id="error-summary-title">
        {title}
      </h2>
      <ul class="ds_error-summary__list">
        {errors.map((error, index) => (
          <li key={index}>
            <a href={`#${fieldId(error.field)}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Finds the message for one field in a list of form errors. */
export function errorFor(errors: readonly FormError[] | undefined, field: string): string | undefined {
  return errors?.find((error) => error.field === field)?.message;
}

export function ErrorMessage({ id, children }: { id: string; children: ComponentChildren }): VNode {
  return (
    <p class="ds_question__error-message" id={id}>
      <span class="visually-hidden">Error:</span> {children}
    </p>
  );
}

export function HintText({ id, children }: { id: string; children: ComponentChildren }): VNode {
  return (
    <p class="ds_hint-text" id={id}>
      {children}
    </p>
  );
}

export interface QuestionProps {
  /** Id of the control the label points to. */
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  isLabelHidden?: boolean;
  /** The control; give it aria-describedby={describedBy(id, hint, error)}. */
  children: ComponentChildren;
}

/** aria-describedby for a control inside a Question: its hint and its error, when present. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return joinIds(hint !== undefined && hint !== null && hintId(id), error ? errorId(id) : undefined);
}

/** One labelled question: label, hint, error message (with the error state), then the control. */
export function Question({ id, label, hint, error, isLabelHidden = false, children }: QuestionProps): VNode {
  return (
    <div class={classNames('ds_question', error && 'ds_question--error')}>
      <label class={classNames('ds_label', isLabelHidden && 'visually-hidden')} for={id}>
        {label}
      </label>
      {hint !== undefined && hint !== null && <HintText id={hintId(id)}>{hint}</HintText>}
      {error && <ErrorMessage id={errorId(id)}>{error}</ErrorMessage>}
      {children}
    </div>
  );
}

export interface FieldsetQuestionProps {
  /** Base id: hint and error ids derive from it. */
  id: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  isLegendHidden?: boolean;
  children: ComponentChildren;
}

/** A question answered by a group of controls (radios, checkboxes, date parts). */
export function FieldsetQuestion({
  id,
  legend,
  hint,
  error,
  isLegendHidden = false,
  children,
}: FieldsetQuestionProps): VNode {
  return (
    <div class={classNames('ds_question', error && 'ds_question--error')}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend class={classNames(isLegendHidden && 'visually-hidden')}>{legend}</legend>
        {hint !== undefined && hint !== null && <HintText id={hintId(id)}>{hint}</HintText>}
        {error && <ErrorMessage id={errorId(id)}>{error}</ErrorMessage>}
        {children}
      </fieldset>
    </div>
  );
}

export type InputWidth =
  | 'fixed-2'
  | 'fixed-3'
  | 'fixed-4'
  | 'fixed-5'
  | 'fixed-10'
  | 'fixed-20'
  | 'fluid-one-quarter'
  | 'fluid-one-third'
  | 'fluid-half'
  | 'fluid-two-thirds'
  | 'fluid-three-quarters';

interface FieldProps {
  /** Form field name; also the key in the error list. */
  name: string;
  label: ComponentChildren;
  /** Defaults to fieldId(name), which is what the error summary links to. */
  id?: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  isLabelHidden?: boolean;
  isRequired?: boolean;
}

export interface TextInputProps extends FieldProps {
  value?: string | number | undefined;
  type?: 'text' | 'email' | 'number' | 'search' | 'url' | 'tel' | 'date' | 'password';
  width?: InputWidth;
  autocomplete?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'url' | 'tel' | 'search';
  placeholder?: string;
  maxLength?: number;
  spellcheck?: boolean;
}

export function TextInput(props: TextInputProps): VNode {
  const id = props.id ?? fieldId(props.name);
  return (
    <Question
      id={id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      isLabelHidden={props.isLabelHidden}
    >
      <input
        class={classNames(
          'ds_input',
          props.width && `ds_input--${props.width}`,
          props.error && 'ds_input--error',
        )}
        // Preact types each input type separately; these share every attribute used here.
        type={(props.type ?? 'text') as 'text'}
        id={id}
        name={props.name}
        value={props.value === undefined ? undefined : String(props.value)}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        spellcheck={props.spellcheck}
        required={props.isRequired}
        aria-describedby={describedBy(id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </Question>
  );
}

export interface TextareaProps extends FieldProps {
  value?: string | undefined;
  rows?: number;
  maxLength?: number;
}

export function Textarea(props: TextareaProps): VNode {
  const id = props.id ?? fieldId(props.name);
  return (
    <Question
      id={id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      isLabelHidden={props.isLabelHidden}
    >
      <textarea
        class={classNames('ds_input', props.error && 'ds_input--error')}
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        maxLength={props.maxLength}
        required={props.isRequired}
        aria-describedby={describedBy(id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </Question>
  );
}

export interface SelectOption {
  value: string;
  label: ComponentChildren;
}

export interface SelectProps extends FieldProps {
  options: readonly SelectOption[];
  value?: string | undefined;
  /** A first option with an empty value, e.g. "Any level". */
  emptyOption?: string;
}

export function Select(props: SelectProps): VNode {
  const id = props.id ?? fieldId(props.name);
  return (
    <Question
      id={id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      isLabelHidden={props.isLabelHidden}
    >
      <div class="ds_select-wrapper">
        <select
          class={classNames('ds_select', props.error && 'ds_select--error')}
          id={id}
          name={props.name}
          required={props.isRequired}
          aria-describedby={describedBy(id, props.hint, props.error)}
          aria-invalid={props.error ? 'true' : undefined}
        >
          {props.emptyOption !== undefined && (
            <option value="" selected={!props.value}>
              {props.emptyOption}
            </option>
          )}
          {props.options.map((option) => (
            <option value={option.value} selected={option.value === props.value} key={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <span class="ds_select-arrow" aria-hidden="true"></span>
      </div>
    </Question>
  );
}

/** First item takes the group's id so the error summary lands on it; the rest are numbered. */
function itemId(baseId: string, index: number): string {
  return index === 0 ? baseId : `${baseId}-${index + 1}`;
}

export interface RadioItem {
  value: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
}

export interface RadioGroupProps {
  name: string;
  legend: ComponentChildren;
  items: readonly RadioItem[];
  value?: string | undefined;
  id?: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  isLegendHidden?: boolean;
  isInline?: boolean;
  isSmall?: boolean;
  isRequired?: boolean;
}

export function RadioGroup(props: RadioGroupProps): VNode {
  const baseId = props.id ?? fieldId(props.name);
  return (
    <FieldsetQuestion
      id={baseId}
      legend={props.legend}
      hint={props.hint}
      error={props.error}
      isLegendHidden={props.isLegendHidden}
    >
      <div class={classNames('ds_radios', 'ds_field-group', props.isInline && 'ds_field-group--inline')}>
        {props.items.map((item, index) => {
          const id = itemId(baseId, index);
          const itemHint = item.hint !== undefined ? `${id}-item-hint` : undefined;
          return (
            <div class={classNames('ds_radio', props.isSmall && 'ds_radio--small')} key={item.value}>
              <input
                class="ds_radio__input"
                type="radio"
                id={id}
                name={props.name}
                value={item.value}
                checked={item.value === props.value}
                required={props.isRequired}
                aria-describedby={itemHint}
              />
              <label class="ds_radio__label" for={id}>
                {item.label}
              </label>
              {itemHint && <HintText id={itemHint}>{item.hint}</HintText>}
            </div>
          );
        })}
      </div>
    </FieldsetQuestion>
  );
}

export interface CheckboxItem {
  value: string;
  label: ComponentChildren;
  /** Shown after the label, e.g. the number of results with this value: "Online (123)". */
  count?: number;
  hint?: ComponentChildren;
  checked?: boolean;
  /** Unticks every other box when ticked ("None of these"). Needs the design system's JavaScript. */
  isExclusive?: boolean;
}

export interface CheckboxGroupProps {
  name: string;
  legend: ComponentChildren;
  items: readonly CheckboxItem[];
  /** Ticked values; an item's own `checked` also ticks it. */
  values?: readonly string[];
  id?: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  isLegendHidden?: boolean;
  /** Compact styling for a search filter panel; long lists scroll. */
  isFilter?: boolean;
  isSmall?: boolean;
}

const countFormat = new Intl.NumberFormat('en-GB');

export function CheckboxGroup(props: CheckboxGroupProps): VNode {
  const baseId = props.id ?? fieldId(props.name);
  const values = new Set(props.values ?? []);
  const isSmall = props.isSmall ?? props.isFilter ?? false;
  const boxes = (
    <div
      class={classNames('ds_checkboxes', 'ds_field-group', props.isFilter && 'ds_search-filters__checkboxes')}
      data-module="ds-checkboxes"
    >
      {props.items.map((item, index) => {
        const id = itemId(baseId, index);
        const itemHint = item.hint !== undefined ? `${id}-item-hint` : undefined;
        return (
          <div class={classNames('ds_checkbox', isSmall && 'ds_checkbox--small')} key={item.value}>
            <input
              class="ds_checkbox__input"
              type="checkbox"
              id={id}
              name={props.name}
              value={item.value}
              checked={item.checked === true || values.has(item.value)}
              data-behaviour={item.isExclusive ? 'exclusive' : undefined}
              aria-describedby={itemHint}
            />
            <label class="ds_checkbox__label" for={id}>
              {item.label}
              {item.count !== undefined && <span class="hub_count"> ({countFormat.format(item.count)})</span>}
            </label>
            {itemHint && <HintText id={itemHint}>{item.hint}</HintText>}
          </div>
        );
      })}
    </div>
  );
  return (
    <FieldsetQuestion
      id={baseId}
      legend={props.legend}
      hint={props.hint}
      error={props.error}
      isLegendHidden={props.isLegendHidden}
    >
      {props.isFilter && props.items.length > 8 ? (
        <div class="ds_search-filters__scrollable">{boxes}</div>
      ) : (
        boxes
      )}
    </FieldsetQuestion>
  );
}

// ---------------------------------------------------------------------------
// Buttons

export type ButtonVariant = 'primary' | 'secondary';

export interface ButtonProps {
  children: ComponentChildren;
  type?: 'submit' | 'button' | 'reset';
  variant?: ButtonVariant;
  isSmall?: boolean;
  name?: string;
  value?: string;
  /** Id of a form elsewhere on the page that this button submits. */
  form?: string;
  class?: string;
}

function buttonClass(variant: ButtonVariant, isSmall: boolean, extra?: string): string | undefined {
  return classNames(
    'ds_button',
    variant === 'secondary' && 'ds_button--secondary',
    isSmall && 'ds_button--small',
    extra,
  );
}

export function Button({
  children,
  type = 'submit',
  variant = 'primary',
  isSmall = false,
  name,
  value,
  form,
  class: className,
}: ButtonProps): VNode {
  return (
    <button
      type={type}
      class={buttonClass(variant, isSmall, className)}
      name={name}
      value={value}
      form={form}
    >
      {children}
    </button>
  );
}

export interface ButtonLinkProps {
  href: string;
  children: ComponentChildren;
  variant?: ButtonVariant;
  isSmall?: boolean;
  class?: string;
}

export function ButtonLink({
  href,
  children,
  variant = 'primary',
  isSmall = false,
  class: className,
}: ButtonLinkProps): VNode {
  return (
    <a href={href} class={buttonClass(variant, isSmall, className)}>
      {children}
    </a>
  );
}

/** Lays buttons and links out in a row (stacked on small screens). */
export function ButtonGroup({ children }: { children: ComponentChildren }): VNode {
  return <div class="ds_button-group">{children}</div>;
}

// ---------------------------------------------------------------------------
// Search

export interface HiddenField {
  name: string;
  value: string;
}

export function HiddenFields({ fields }: { fields: readonly HiddenField[] | undefined }): VNode {
  return (
    <>
      {(fields ?? []).map((field, index) => (
        <input type="hidden" name={field.name} value={field.value} key={index} />
      ))}
    </>
  );
}

export interface SearchBoxProps {
  label: string;
  name?: string;
  value?: string | undefined;
  id?: string;
  placeholder?: string;
  isLabelHidden?: boolean;
  buttonLabel?: string;
  /** When given, the box is its own GET form; otherwise it sits inside the page's form. */
  action?: string;
  /** Carried with the query when the box is its own form (e.g. the current filters). */
  hiddenFields?: readonly HiddenField[];
}

export function SearchBox({
  label,
  name = 'q',
  value,
  id = fieldId(name),
  placeholder,
  isLabelHidden = false,
  buttonLabel = 'Search',
  action,
  hiddenFields,
}: SearchBoxProps): VNode {
  const content = (
    <>
      <label class={classNames('ds_label', isLabelHidden && 'visually-hidden')} for={id}>
        {label}
      </label>
      <div class="ds_input__wrapper ds_input__wrapper--has-icon">
        <input
          class="ds_input ds_site-search__input"
          type="search"
          id={id}
          name={name}
          value={value}
          placeholder={placeholder}
          autocomplete="off"
          spellcheck={false}
        />
        <button type="submit" class="ds_button js-site-search-button">
          <span class="visually-hidden">{buttonLabel}</span>
          <Icon name="search" />
        </button>
      </div>
    </>
  );
  return (
    <div class="ds_site-search">
      {action === undefined ? (
        content
      ) : (
        <form role="search" class="ds_site-search__form" method="get" action={action}>
          {content}
          <HiddenFields fields={hiddenFields} />
        </form>
      )}
    </div>
  );
}

export interface SearchResultsProps {
  /** The results heading, e.g. "Showing 1 to 20 of 143 results". */
  title: ComponentChildren;
  children: ComponentChildren;
  /** The skip link in the filter panel points here. */
  id?: string;
  /** Number of the first result on this page, so the ordered list counts on from earlier pages. */
  start?: number;
  /** Shown under the heading, e.g. sort options. */
  controls?: ComponentChildren;
}

export function SearchResults({
  title,
  children,
  id = 'search-results',
  start = 1,
  controls,
}: SearchResultsProps): VNode {
  return (
    <div class="ds_search-results" id={id}>
      <h2 class="ds_search-results__title" aria-live="polite">
        {title}
      </h2>
      {controls}
      <ol class="ds_search-results__list" start={start}>
        {children}
      </ol>
    </div>
  );
}

export interface SearchResultProps {
  href: string;
  title: ComponentChildren;
  summary?: ComponentChildren;
  /** Facts shown under the summary, keys visible: "SCQF level: 7". */
  metadata?: KeyValue[];
  /** Small line above the title, e.g. the provider. */
  label?: ComponentChildren;
  headingLevel?: HeadingLevel;
  children?: ComponentChildren;
}

export function SearchResult({
  href,
  title,
  summary,
  metadata,
  label,
  headingLevel = 3,
  children,
}: SearchResultProps): VNode {
  return (
    <li class="ds_search-result">
      {label !== undefined && <p class="ds_search-result__sub-title hub_result-label">{label}</p>}
      <Heading level={headingLevel} class="ds_search-result__title">
        <a class="ds_search-result__link" href={href}>
          {title}
        </a>
      </Heading>
      {summary !== undefined && <p class="ds_search-result__summary">{summary}</p>}
      {metadata && metadata.length > 0 && (
        <Metadata items={metadata} class="ds_search-result__metadata hub_metadata-row" />
      )}
      {children}
    </li>
  );
}

export interface FilterPanelProps {
  children: ComponentChildren;
  /** Heading shown beside the results on wide screens. */
  title?: string;
  /** Text of the toggle that opens the panel on small screens. */
  summary?: string;
  /** Id of the results list, for the "Skip to results" link. */
  resultsId?: string;
  /** Label of the submit button kept for people without JavaScript; null for none. */
  applyLabel?: string | null;
  /**
   * When given, the panel is its own GET form. With JavaScript, changing a filter
   * submits it at once on wide screens (data-auto-submit, see assets/hub.js).
   */
  form?: { action: string; id?: string; hiddenFields?: readonly HiddenField[]; isAutoSubmit?: boolean };
}

export function FilterPanel({
  children,
  title = 'Filter by',
  summary = 'Show search filters',
  resultsId = 'search-results',
  applyLabel = 'Apply filters',
  form,
}: FilterPanelProps): VNode {
  const body = (
    <>
      {form?.isAutoSubmit !== false && (
        <p class="ds_hint-text hub_js-only">Results update as soon as you change a filter.</p>
      )}
      {children}
      {applyLabel !== null && (
        <button type="submit" class="ds_button ds_button--small ds_button--max ds_no-margin js-apply-filter">
          {applyLabel}
        </button>
      )}
    </>
  );
  return (
    <div class="ds_search-filters">
      <h2 class="ds_search-filters__title ds_h3">{title}</h2>
      <details class="ds_details ds_no-margin" data-module="ds-details">
        <summary class="ds_details__summary">{summary}</summary>
        <div class="ds_skip-links ds_skip-links--static">
          <ul class="ds_skip-links__list">
            <li class="ds_skip-links__item">
              <a class="ds_skip-links__link" href={`#${resultsId}`}>
                Skip to results
              </a>
            </li>
          </ul>
        </div>
        <div class="ds_details__text">
          {form ? (
            <form
              method="get"
              action={form.action}
              id={form.id}
              data-auto-submit={form.isAutoSubmit === false ? undefined : ''}
            >
              <HiddenFields fields={form.hiddenFields} />
              {body}
            </form>
          ) : (
            body
          )}
        </div>
      </details>
    </div>
  );
}

// ---------------------------------------------------------------------------
// Content

export interface SummaryListItem {
  key: ComponentChildren;
  value: ComponentChildren;
  action?: {
    href: string;
    label: string;
    /** Completes the link text for screen readers, e.g. "title" in "Change title". Defaults to the key when it is text. */
    visuallyHiddenText?: string;
  };
}

export interface SummaryListProps {
  items: readonly SummaryListItem[];
  isBorderless?: boolean;
  hasShortKeys?: boolean;
  id?: string;
}

export function SummaryList({
  items,
  isBorderless = false,
  hasShortKeys = false,
  id,
}: SummaryListProps): VNode {
  return (
    <ol
      class={classNames(
        'ds_summary-list',
        isBorderless && 'ds_summary-list--no-border',
        hasShortKeys && 'ds_summary-list--short-keys',
      )}
      id={id}
    >
      {items.map((item, index) => {
        const hidden =
          item.action?.visuallyHiddenText ??
          (typeof item.key === 'string' ? item.key.toLowerCase() : undefined);
        return (
          <li class="ds_summary-list__item" key={index}>
            <div class="ds_summary-list__key">{item.key}</div>
            <div class="ds_summary-list__value">{item.value}</div>
            {item.action && (
              <div class="ds_summary-list__actions">
                <a class="ds_link" href={item.action.href}>
                  {item.action.label}
                  {hidden !== undefined && <span class="visually-hidden"> {hidden}</span>}
                </a>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export type TagColour =
  'grey' | 'green' | 'teal' | 'darkblue' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag({ children, colour }: { children: ComponentChildren; colour?: TagColour }): VNode {
  return <strong class={classNames('ds_tag', colour && `ds_tag--${colour}`)}>{children}</strong>;
}

export interface NotificationBannerProps {
  children: ComponentChildren;
  /** Read by screen readers before the text. */
  title?: string;
  isSuccess?: boolean;
  /** Full width above the page content: adds the page wrapper. */
  isFullWidth?: boolean;
}

/** A prominent, dark banner for news that applies to the whole page or site. */
export function NotificationBanner({
  children,
  title = 'Important',
  isSuccess = false,
  isFullWidth = false,
}: NotificationBannerProps): VNode {
  const content = (
    <div class="ds_notification__content">
      <h2 class="visually-hidden">{title}</h2>
      <span class="ds_notification__icon" aria-hidden="true">
        <Icon name={isSuccess ? 'check_circle' : 'priority_high'} class="ds_icon--fill" />
      </span>
      <div class="ds_notification__text">{children}</div>
    </div>
  );
  return (
    <div
      class={classNames(
        'ds_notification',
        isSuccess && 'ds_notification--success',
        !isFullWidth && 'hub_notification--inline',
      )}
      data-module="ds-notification"
      role={isSuccess ? 'status' : undefined}
    >
      {isFullWidth ? <div class="ds_wrapper">{content}</div> : content}
    </div>
  );
}

export type NotificationMessageVariant = 'success' | 'info' | 'warning' | 'error';

const messageIcons: Record<NotificationMessageVariant, IconName> = {
  success: 'check_circle',
  info: 'info',
  warning: 'warning',
  error: 'error',
};

export interface NotificationMessageProps {
  children?: ComponentChildren;
  title?: ComponentChildren;
  variant?: NotificationMessageVariant;
  headingLevel?: HeadingLevel;
}

/** An in-page message, e.g. "Saved" after a form. */
export function NotificationMessage({
  children,
  title,
  variant = 'success',
  headingLevel = 2,
}: NotificationMessageProps): VNode {
  return (
    <div
      class={classNames(
        'ds_notification-message',
        variant !== 'success' && `ds_notification-message--${variant}`,
      )}
      role={variant === 'error' ? 'alert' : 'status'}
    >
      <Icon name={messageIcons[variant]} class="ds_notification-message__icon ds_icon--24" />
      {title !== undefined && (
        <Heading level={headingLevel} class="ds_notification-message__title">
          {title}
        </Heading>
      )}
      {children !== undefined && <div class="ds_notification-message__body">{children}</div>}
    </div>
  );
}

export function InsetText({ children }: { children: ComponentChildren }): VNode {
  return (
    <div class="ds_inset-text">
      <div class="ds_inset-text__text">{children}</div>
    </div>
  );
}

export function WarningText({ children }: { children: ComponentChildren }): VNode {
  return (
    <div class="ds_warning-text">
      <strong class="ds_warning-text__icon" aria-hidden="true"></strong>
      <strong class="visually-hidden">Warning</strong>
      <div class="ds_warning-text__text">{children}</div>
    </div>
  );
}

export interface DetailsProps {
  summary: ComponentChildren;
  children: ComponentChildren;
  isOpen?: boolean;
  id?: string;
}

export function Details({ summary, children, isOpen = false, id }: DetailsProps): VNode {
  return (
    <details class="ds_details" data-module="ds-details" open={isOpen} id={id}>
      <summary class="ds_details__summary">{summary}</summary>
      <div class="ds_details__text">{children}</div>
    </details>
  );
}

export interface TableProps {
  caption: ComponentChildren;
  isCaptionHidden?: boolean;
  headers: readonly ComponentChildren[];
  rows: readonly (readonly ComponentChildren[])[];
  /** The first cell of each row names the row (th scope="row"). */
  hasRowHeaders?: boolean;
  /** Column indexes (from 0) holding numbers, right-aligned. */
  numericColumns?: readonly number[];
  /** How the design system's JavaScript adapts the table on small screens. */
  smallScreen?: 'scrolling' | 'boxes';
}

export function Table({
  caption,
  isCaptionHidden = false,
  headers,
  rows,
  hasRowHeaders = false,
  numericColumns = [],
  smallScreen,
}: TableProps): VNode {
  const numeric = new Set(numericColumns);
  return (
    <table class="ds_table" data-smallscreen={smallScreen}>
      <caption class={classNames(isCaptionHidden && 'visually-hidden')}>{caption}</caption>
      <thead>
        <tr>
          {headers.map((header, index) => (
            <th scope="col" class={classNames(numeric.has(index) && 'hub_numeric')} key={index}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.map((cell, index) => {
              const className = classNames(numeric.has(index) && 'hub_numeric');
              const heading = headers[index];
              return hasRowHeaders && index === 0 ? (
                <th scope="row" class={className} key={index}>
                  {cell}
                </th>
              ) : (
                <td
                  class={className}
                  data-heading={typeof heading === 'string' ? heading : undefined}
                  key={index}
                >
                  {cell}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface CardProps {
  title: ComponentChildren;
  /** When given, the whole card is a link to it. */
  href?: string;
  children?: ComponentChildren;
  /** Shown beside the title, e.g. a Tag. */
  label?: ComponentChildren;
  footer?: ComponentChildren;
  headingLevel?: HeadingLevel;
  isBackgroundSecondary?: boolean;
}

export function Card({
  title,
  href,
  children,
  label,
  footer,
  headingLevel = 3,
  isBackgroundSecondary = false,
}: CardProps): VNode {
  return (
    <div
      class={classNames(
        'ds_card',
        href !== undefined && 'ds_card--navigation',
        isBackgroundSecondary && 'ds_card--background-secondary',
      )}
    >
      <div class="ds_card__content">
        <div class="ds_card__content-header">
          {label}
          <Heading level={headingLevel} class="ds_card__title">
            {href !== undefined ? (
              <a class="ds_card__link ds_card__link--cover" href={href}>
                {title}
              </a>
            ) : (
              title
            )}
          </Heading>
        </div>
        {children !== undefined && <div class="ds_card__content-main">{children}</div>}
        {footer !== undefined && <div class="ds_card__content-footer">{footer}</div>}
      </div>
    </div>
  );
}

/** Three cards a row on wide screens, one on small ones. */
export function CardGrid({ children }: { children: ComponentChildren }): VNode {
  return (
    <div class="ds_card-grid-container">
      <div class="ds_card-grid">{children}</div>
    </div>
  );
}

// ---------------------------------------------------------------------------
// Pagination

export interface PaginationProps {
  current: number;
  total: number;
  /** URL of a page, e.g. (page) => `/search?q=care&page=${page}`. */
  href: (page: number) => string;
  /** Names the navigation landmark. */
  label?: string;
}

type PageSlot = number | 'gap';

/** Pages to show: first, last, the current one and its neighbours; a gap of one page shows the page instead. */
export function paginationSlots(current: number, total: number): PageSlot[] {
  const wanted = new Set(
    [1, total, current - 1, current, current + 1].filter((page) => page >= 1 && page <= total),
  );
  const pages = [...wanted].sort((a, b) => a - b);
  const slots: PageSlot[] = [];
  let previous = 0;
  for (const page of pages) {
    if (page - previous === 2) slots.push(previous + 1);
    else if (page - previous > 2) slots.push('gap');
    slots.push(page);
    previous = page;
  }
  return slots;
}

export function Pagination({ current, total, href, label = 'Pages' }: PaginationProps): VNode | null {
  if (total <= 1) return null;
  const page = Math.min(Math.max(1, Math.trunc(current)), total);
  return (
    <nav class="ds_pagination" aria-label={label}>
      <ul class="ds_pagination__list">
        {page > 1 && (
          <li class="ds_pagination__item">
            <a
              class="ds_pagination__link ds_pagination__link--text ds_pagination__link--icon"
              href={href(page - 1)}
              rel="prev"
              aria-label="Previous page"
            >
              <Icon name="chevron_left" />
              <span class="ds_pagination__link-label">Previous</span>
            </a>
          </li>
        )}
        {paginationSlots(page, total).map((slot, index) =>
          slot === 'gap' ? (
            <li class="ds_pagination__item" aria-hidden="true" key={`gap-${index}`}>
              <span class="ds_pagination__link ds_pagination__link--ellipsis">&hellip;</span>
            </li>
          ) : (
            <li class="ds_pagination__item" key={slot}>
              <a
                class={classNames('ds_pagination__link', slot === page && 'ds_current')}
                href={href(slot)}
                aria-label={`Page ${slot}`}
                aria-current={slot === page ? 'page' : undefined}
              >
                <span class="ds_pagination__link-label">{slot}</span>
              </a>
            </li>
          ),
        )}
        {page < total && (
          <li class="ds_pagination__item">
            <a
              class="ds_pagination__link ds_pagination__link--text ds_pagination__link--icon"
              href={href(page + 1)}
              rel="next"
              aria-label="Next page"
            >
              <span class="ds_pagination__link-label">Next</span>
              <Icon name="chevron_right" />
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

// ---------------------------------------------------------------------------
// Forms that change something

export interface PostFormProps {
  action: string;
  /** The anti-forgery token for this person (see platform/http/csrf.ts). */
  csrfToken: string;
  children: ComponentChildren;
  id?: string;
  class?: string;
}

/**
 * Every form that changes something posts with the person's anti-forgery token. `novalidate` leaves
 * checking to the server, which names each problem in the design system's error summary.
 */
export function PostForm({ action, csrfToken, children, id, class: className }: PostFormProps): VNode {
  return (
    <form method="post" action={action} novalidate id={id} class={className}>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {children}
    </form>
  );
}
