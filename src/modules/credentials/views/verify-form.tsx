import type { VNode } from 'preact';
import {
  Button,
  ErrorSummary,
  NotificationMessage,
  PostForm,
  Question,
  TextInput,
  Textarea,
  describedBy,
  errorFor,
  fieldId,
  type FormError,
} from '../../../platform/views/components.tsx';

export interface VerifyFormProps {
  csrfToken: string;
  errors?: readonly FormError[];
  /** What the person pasted or typed, shown again after a problem. */
  values?: { credential?: string; url?: string };
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Shown above the forms when a link named a credential the hub cannot show. */
  notFound?: boolean;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** The three ways to check a credential: paste it, upload it, or give its address. */
export function VerifyForm({
  csrfToken,
  errors = [],
  values = {},
  maxFileBytes,
  notFound,
}: VerifyFormProps): VNode {
  const fileId = fieldId('file');
  const fileHint = `A credential file (.json) or a PDF certificate from the hub, up to ${megabytes(maxFileBytes)}.`;
  const fileError = errorFor(errors, 'file');
  return (
    <>
      <ErrorSummary errors={errors} />
      {notFound && (
        <div data-testid="not-found">
          <NotificationMessage variant="error" title="Credential not found">
            <p>
              The hub has no credential it can show at this link. Credentials become public only once the
              learner has added them to their account. Ask the learner for a new link, or for the credential
              file or PDF certificate, and check that here.
            </p>
          </NotificationMessage>
        </div>
      )}
      <p class="ds_leader">
        Check that a credential is genuine, unchanged and still valid, and see what it means: who earned it,
        from whom, at which SCQF level and for how many credits.
      </p>
      <p>It works for credentials from any issuer that uses Open Badges 3.0 or W3C verifiable credentials.</p>

      <h2 id="paste">Paste the credential</h2>
      <PostForm action="/verify" csrfToken={csrfToken}>
        <Textarea
          name="credential"
          label="Credential text (JSON)"
          hint="Open the credential file in a text editor and copy all of it, from the first { to the last }."
          rows={10}
          value={values.credential}
          error={errorFor(errors, 'credential')}
        />
        <Button>Check the pasted credential</Button>
      </PostForm>

      <h2 id="upload">Upload a file</h2>
      <form method="post" action="/verify" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <Question id={fileId} label="Credential file or PDF certificate" hint={fileHint} error={fileError}>
          <input
            type="file"
            id={fileId}
            name="file"
            accept=".json,.jsonld,.pdf,application/json,application/ld+json,application/pdf"
            aria-describedby={describedBy(fileId, fileHint, fileError)}
            aria-invalid={fileError ? 'true' : undefined}
          />
        </Question>
        <Button>Check the file</Button>
      </form>

      <h2 id="link">Open a link</h2>
      <form method="get" action="/verify" novalidate>
        <TextInput
          name="url"
          type="url"
          label="Web address of the credential"
          hint="Where the issuer publishes the credential, starting with https://. The QR code on a hub certificate opens its check directly."
          value={values.url}
          error={errorFor(errors, 'url')}
          spellcheck={false}
          autocomplete="off"
        />
        <Button>Check the address</Button>
      </form>
    </>
  );
}
