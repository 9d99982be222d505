import type { AuthoringStep } from '../../src/modules/approvals/checklist-model.ts';

/** What a careful author types on each step for a credit-rated micro-credential that passes the checklist. */
export function goodStepValues(
  title = 'Data ethics for public services',
): Record<AuthoringStep, Record<string, string>> {
  return {
    about: {
      title,
      summary:
        'For public sector staff who handle data. Learn to spot ethical risks and make fair, lawful decisions.',
      description:
        'Six weeks of online study with live seminars, case studies from Scottish public bodies and a final project.',
      subjectSlug: 'computing',
      keywords: 'ethics, data protection, GDPR',
      kind: 'micro-credential',
      providerTerm: 'CPD award',
    },
    outcomes: {
      'learningOutcomes[0].text':
        'Explain the principles of data protection law that apply to public services',
      'learningOutcomes[0].characteristic': 'knowledge-and-understanding',
      'learningOutcomes[1].text': 'Apply an ethical risk framework to a proposed use of personal data',
      'learningOutcomes[1].characteristic': 'applied-knowledge',
      'learningOutcomes[2].text': 'Evaluate the fairness of an automated decision and recommend changes',
      'learningOutcomes[2].characteristic': 'cognitive-skills',
    },
    size: {
      scqfLevel: '9',
      scqfCredits: '10',
      notionalHours: '100',
      'duration.kind': 'fixed',
      'duration.amount': '6',
      'duration.unit': 'weeks',
    },
    assessment: {
      assessment:
        'A written case analysis of 2,000 words and a short recorded presentation of the recommendations.',
      assessmentKind: 'coursework',
      supervision: 'unsupervised',
      identityChecked: 'yes',
      prerequisites: 'None',
      language: 'English',
    },
    quality: {
      qaBody: 'University Senate',
      creditRatingBody: 'University of the Highlands (credit-rating)',
      recognition: 'certificate-of-study',
      hasTranscript: 'yes',
      transferability: 'internal-and-external',
      stackability: 'none',
      countsTowards: '',
      nextReviewOn: '2029-06-30',
    },
    partners: {
      'partners[0].name': 'Scottish Information Commission',
      'partners[0].kind': 'psrb',
      'partners[0].role': 'Advised on content',
      accreditation: '',
    },
  };
}
