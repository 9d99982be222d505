import type { VNode } from 'preact';
import {
  Button,
  RadioGroup,
  Select,
  TextInput,
  Textarea,
  errorFor,
  type FormError,
} from '../../../platform/views/components.tsx';
import {
  ASSESSMENT_KINDS,
  PARTNER_KINDS,
  RECOGNITION,
  REACH,
  SCQF_CHARACTERISTICS,
  SUPERVISION,
} from '../../catalogue/index.ts';
import { Term } from '../../site/index.ts';
import { rowCount, type DraftValues } from '../authoring-model.ts';
import type { AuthoringStep } from '../checklist-model.ts';

export interface StepFormProps {
  step: AuthoringStep;
  values: DraftValues;
  errors: FormError[];
  subjects: { slug: string; name: string }[];
  /** Rows of outcomes or partners to show beyond those already entered. */
  extraRows: number;
}

const value = (values: DraftValues, name: string): string => {
  const raw = values[name];
  return Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '');
};

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([key, label]) => ({ value: key, label }));

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

function AboutStep({ values, errors, subjects }: StepFormProps): VNode {
  return (
    <>
      <TextInput
        name="title"
        label="Title"
        hint="What a learner would search for, in plain words."
        value={value(values, 'title')}
        error={errorFor(errors, 'title')}
        maxLength={150}
      />
      <Textarea
        name="summary"
        label="Summary"
        hint="Two or three short sentences: who it is for and what they will gain. At most 60 words."
        rows={3}
        value={value(values, 'summary')}
        error={errorFor(errors, 'summary')}
      />
      <Textarea
        name="description"
        label="Description"
        hint="What the course covers and how it is taught."
        rows={6}
        value={value(values, 'description')}
        error={errorFor(errors, 'description')}
      />
      <Select
        name="subjectSlug"
        label="Subject"
        emptyOption="Choose a subject"
        options={subjects.map((subject) => ({ value: subject.slug, label: subject.name }))}
        value={value(values, 'subjectSlug')}
        error={errorFor(errors, 'subjectSlug')}
      />
      <TextInput
        name="keywords"
        label="Keywords"
        hint="Other words learners might search with, separated by commas."
        value={value(values, 'keywords')}
        error={errorFor(errors, 'keywords')}
      />
      <RadioGroup
        name="kind"
        legend="Kind"
        value={value(values, 'kind')}
        error={errorFor(errors, 'kind')}
        items={[
          {
            value: 'micro-credential',
            label: 'Micro-credential',
            hint: (
              <>
                Credit-rated on the <Term slug="scqf">SCQF</Term>: it has a level and credits.
              </>
            ),
          },
          {
            value: 'small-qualification',
            label: 'Small qualification',
            hint: 'Not credit-rated: leads to a certificate of attendance.',
          },
        ]}
      />
      <TextInput
        name="providerTerm"
        label="What your institution calls it"
        hint={
          <>
            For example “short course”, “CPD award” or “skills boost”. The hub shows it beside the standard
            term (<Term slug="provider-term">why</Term>).
          </>
        }
        value={value(values, 'providerTerm')}
        error={errorFor(errors, 'providerTerm')}
      />
    </>
  );
}

function OutcomesStep({ values, errors, extraRows }: StepFormProps): VNode {
  const count = Math.max(rowCount(values, 'learningOutcomes') + extraRows, 3);
  return (
    <>
      <p>
        Write each <Term slug="learning-outcome">learning outcome</Term> as what a learner will be able to do,
        starting with a verb that can be assessed: “explain”, “apply”, “evaluate”. Tag each with the{' '}
        <Term slug="scqf-characteristics">SCQF characteristic</Term> it develops. Three to eight outcomes are
        usual.
      </p>
      {Array.from({ length: count }, (_, index) => (
        <fieldset class="hub_repeat" key={index}>
          <legend class="ds_h3">Outcome {index + 1}</legend>
          <Textarea
            name={`learningOutcomes[${index}].text`}
            label={`Outcome ${index + 1}`}
            isLabelHidden
            rows={2}
            value={value(values, `learningOutcomes[${index}].text`)}
            error={errorFor(errors, `learningOutcomes[${index}].text`)}
          />
          <Select
            name={`learningOutcomes[${index}].characteristic`}
            label={`SCQF characteristic of outcome ${index + 1}`}
            emptyOption="Choose a characteristic"
            options={options(SCQF_CHARACTERISTICS)}
            value={value(values, `learningOutcomes[${index}].characteristic`)}
            error={errorFor(errors, `learningOutcomes[${index}].characteristic`)}
          />
        </fieldset>
      ))}
      <Button variant="secondary" name="intent" value="add-row">
        Add another outcome
      </Button>
    </>
  );
}

function SizeStep({ values, errors }: StepFormProps): VNode {
  return (
    <>
      <p>
        A micro-credential has an <Term slug="scqf-level">SCQF level</Term> and{' '}
        <Term slug="scqf-credit">credits</Term>: one credit is{' '}
        <Term slug="notional-hours">10 notional hours</Term> of learning. Leave level and credits empty for a
        small qualification.
      </p>
      <TextInput
        name="scqfLevel"
        label="SCQF level (1 to 12)"
        width="fixed-2"
        inputMode="numeric"
        value={value(values, 'scqfLevel')}
        error={errorFor(errors, 'scqfLevel')}
      />
      <TextInput
        name="scqfCredits"
        label="SCQF credits"
        width="fixed-3"
        inputMode="numeric"
        value={value(values, 'scqfCredits')}
        error={errorFor(errors, 'scqfCredits')}
      />
      <TextInput
        name="notionalHours"
        label="Notional hours of learning"
        hint="For a micro-credential, 10 per credit."
        width="fixed-4"
        inputMode="numeric"
        value={value(values, 'notionalHours')}
        error={errorFor(errors, 'notionalHours')}
      />
      <RadioGroup
        name="duration.kind"
        legend="How long it takes"
        value={value(values, 'duration.kind')}
        error={errorFor(errors, 'duration.kind')}
        items={[
          { value: 'fixed', label: 'A fixed length' },
          { value: 'within', label: 'At the learner’s own pace, within a time frame' },
        ]}
      />
      <TextInput
        name="duration.amount"
        label="Length"
        width="fixed-3"
        inputMode="numeric"
        value={value(values, 'duration.amount')}
        error={errorFor(errors, 'duration.amount')}
      />
      <Select
        name="duration.unit"
        label="Unit"
        emptyOption="Choose a unit"
        options={['hours', 'days', 'weeks', 'months'].map((unit) => ({ value: unit, label: unit }))}
        value={value(values, 'duration.unit')}
        error={errorFor(errors, 'duration.unit')}
      />
    </>
  );
}

function AssessmentStep({ values, errors }: StepFormProps): VNode {
  return (
    <>
      <Textarea
        name="assessment"
        label="How learning is assessed"
        hint="What learners do, and how it shows each outcome has been met."
        rows={4}
        value={value(values, 'assessment')}
        error={errorFor(errors, 'assessment')}
      />
      <Select
        name="assessmentKind"
        label="Main type of assessment"
        emptyOption="Choose a type"
        options={options(ASSESSMENT_KINDS)}
        value={value(values, 'assessmentKind')}
        error={errorFor(errors, 'assessmentKind')}
      />
      <Select
        name="supervision"
        label="Supervision of assessment"
        emptyOption="Choose one"
        options={options(SUPERVISION)}
        value={value(values, 'supervision')}
        error={errorFor(errors, 'supervision')}
      />
      <RadioGroup
        name="identityChecked"
        legend="Is the learner’s identity checked at assessment?"
        isInline
        items={yesNo}
        value={value(values, 'identityChecked')}
        error={errorFor(errors, 'identityChecked')}
      />
      <Textarea
        name="prerequisites"
        label="Entry requirements"
        hint="Write “None” if anyone can join."
        rows={2}
        value={value(values, 'prerequisites')}
        error={errorFor(errors, 'prerequisites')}
      />
      <TextInput
        name="language"
        label="Language of teaching and assessment"
        width="fixed-20"
        value={value(values, 'language')}
        error={errorFor(errors, 'language')}
      />
    </>
  );
}

function QualityStep({ values, errors }: StepFormProps): VNode {
  return (
    <>
      <TextInput
        name="qaBody"
        label={
          <>
            Body responsible for <Term slug="quality-assurance">quality assurance</Term>
          </>
        }
        value={value(values, 'qaBody')}
        error={errorFor(errors, 'qaBody')}
      />
      <TextInput
        name="creditRatingBody"
        label={
          <>
            <Term slug="credit-rating-body">Credit-rating body</Term> (micro-credentials only)
          </>
        }
        value={value(values, 'creditRatingBody')}
        error={errorFor(errors, 'creditRatingBody')}
      />
      <RadioGroup
        name="recognition"
        legend="What learners receive"
        items={options(RECOGNITION)}
        value={value(values, 'recognition')}
        error={errorFor(errors, 'recognition')}
      />
      <RadioGroup
        name="hasTranscript"
        legend="Is a transcript issued?"
        isInline
        items={yesNo}
        value={value(values, 'hasTranscript')}
        error={errorFor(errors, 'hasTranscript')}
      />
      <RadioGroup
        name="transferability"
        legend={
          <>
            Is it <Term slug="transferable">transferable</Term>?
          </>
        }
        items={options(REACH)}
        value={value(values, 'transferability')}
        error={errorFor(errors, 'transferability')}
      />
      <RadioGroup
        name="stackability"
        legend={
          <>
            Is it <Term slug="stackable">stackable</Term> into a larger award?
          </>
        }
        items={options(REACH)}
        value={value(values, 'stackability')}
        error={errorFor(errors, 'stackability')}
      />
      <Textarea
        name="countsTowards"
        label="Awards it counts towards"
        hint="One per line. Leave empty if it does not stack."
        rows={3}
        value={value(values, 'countsTowards')}
        error={errorFor(errors, 'countsTowards')}
      />
      <TextInput
        name="nextReviewOn"
        label="Next review date"
        hint="For example 2029-06-30. Within five years."
        type="date"
        width="fixed-10"
        value={value(values, 'nextReviewOn')}
        error={errorFor(errors, 'nextReviewOn')}
      />
    </>
  );
}

function PartnersStep({ values, errors, extraRows }: StepFormProps): VNode {
  const count = Math.max(rowCount(values, 'partners') + extraRows, 1);
  return (
    <>
      <p>
        Employers, professional bodies or other institutions that shaped or deliver the course. Leave empty if
        there are none.
      </p>
      {Array.from({ length: count }, (_, index) => (
        <fieldset class="hub_repeat" key={index}>
          <legend class="ds_h3">Partner {index + 1}</legend>
          <TextInput
            name={`partners[${index}].name`}
            label="Name"
            value={value(values, `partners[${index}].name`)}
            error={errorFor(errors, `partners[${index}].name`)}
          />
          <Select
            name={`partners[${index}].kind`}
            label="Kind of partner"
            emptyOption="Choose one"
            options={options(PARTNER_KINDS)}
            value={value(values, `partners[${index}].kind`)}
            error={errorFor(errors, `partners[${index}].kind`)}
          />
          <TextInput
            name={`partners[${index}].role`}
            label="Their role"
            value={value(values, `partners[${index}].role`)}
            error={errorFor(errors, `partners[${index}].role`)}
          />
        </fieldset>
      ))}
      <Button variant="secondary" name="intent" value="add-row">
        Add another partner
      </Button>
      <Textarea
        name="accreditation"
        label={
          <>
            <Term slug="accreditation">Accreditation</Term>
          </>
        }
        hint="Any professional recognition, or leave empty."
        rows={2}
        value={value(values, 'accreditation')}
        error={errorFor(errors, 'accreditation')}
      />
    </>
  );
}

export function StepForm(props: StepFormProps): VNode {
  switch (props.step) {
    case 'about':
      return <AboutStep {...props} />;
    case 'outcomes':
      return <OutcomesStep {...props} />;
    case 'size':
      return <SizeStep {...props} />;
    case 'assessment':
      return <AssessmentStep {...props} />;
    case 'quality':
      return <QualityStep {...props} />;
    case 'partners':
      return <PartnersStep {...props} />;
  }
}
