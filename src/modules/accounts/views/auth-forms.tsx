import type { VNode } from 'preact';
import {
  Button,
  ErrorSummary,
  PostForm,
  TextInput,
  errorFor,
  type FormError,
} from '../../../platform/views/components.tsx';
import { MIN_PASSWORD_LENGTH } from '../accounts-model.ts';

export interface SignInValues {
  email: string;
  next: string;
}

export function SignInForm({
  values,
  errors,
  csrfToken,
}: {
  values: SignInValues;
  errors: FormError[];
  csrfToken: string;
}): VNode {
  return (
    <>
      <ErrorSummary errors={errors} />
      <PostForm action="/sign-in" csrfToken={csrfToken}>
        <input type="hidden" name="next" value={values.next} />
        <TextInput
          name="email"
          label="Email address"
          type="email"
          autocomplete="username"
          spellcheck={false}
          value={values.email}
          error={errorFor(errors, 'email')}
        />
        <TextInput
          name="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          error={errorFor(errors, 'password')}
        />
        <Button>Sign in</Button>
      </PostForm>
      <p>
        <a href="/forgot-password">Forgotten your password?</a>
      </p>
      <p>
        New to the hub? <a href="/sign-up">Create an account</a> to keep your credentials in one place. Staff
        of a college or university join through an invitation from their institution’s admin.
      </p>
    </>
  );
}

export interface NewAccountValues {
  name: string;
  email: string;
}

/** Name, email and a password typed twice; used for sign-up and for accepting an invitation. */
export function NewAccountFields({
  values,
  errors,
  isEmailFixed = false,
}: {
  values: NewAccountValues;
  errors: FormError[];
  isEmailFixed?: boolean;
}): VNode {
  return (
    <>
      <TextInput
        name="name"
        label="Full name"
        autocomplete="name"
        spellcheck={false}
        value={values.name}
        error={errorFor(errors, 'name')}
      />
      {isEmailFixed ? (
        <p>
          Email address: <strong>{values.email}</strong>
        </p>
      ) : (
        <TextInput
          name="email"
          label="Email address"
          type="email"
          autocomplete="email"
          spellcheck={false}
          hint="We will send a link to this address to confirm it is yours."
          value={values.email}
          error={errorFor(errors, 'email')}
        />
      )}
      <TextInput
        name="password"
        label="Create a password"
        type="password"
        autocomplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Three random words make a strong password that is easy to remember.`}
        error={errorFor(errors, 'password')}
      />
      <TextInput
        name="confirmPassword"
        label="Type the password again"
        type="password"
        autocomplete="new-password"
        error={errorFor(errors, 'confirmPassword')}
      />
    </>
  );
}
