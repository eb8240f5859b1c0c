import { type FormEvent, useId, useState } from 'react';
import { navigate } from '../router/router';
import { signIn, signOut, USER_NAME_PATTERN, USER_NAME_RULE } from '../session/session-store';
import { useUser } from '../session/use-user';

/** Sign in by name only: the name travels as `end-user` so that header-based routes can pick a version. */
export function SignInPage() {
  const user = useUser();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!USER_NAME_PATTERN.test(name.trim())) {
      setError(USER_NAME_RULE);
      return;
    }
    signIn(name);
    navigate('/');
  };
  if (user !== null) {
    return (
      <>
        <h1>Signed in</h1>
        <p>
          You are signed in as <strong>{user}</strong>. Every request now carries <code>end-user: {user}</code>.
        </p>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </>
    );
  }
  return (
    <>
      <h1>Sign in</h1>
      <form className="sign-in" onSubmit={submit} noValidate>
        <label htmlFor={inputId}>User name</label>
        <input
          id={inputId}
          name="user"
          autoComplete="username"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-describedby={error === null ? hintId : `${hintId} ${errorId}`}
          aria-invalid={error !== null}
          maxLength={64}
          required
        />
        <p id={hintId} className="muted">
          No password: the name only selects header-based routes (feature toggles), as <code>end-user</code>.
        </p>
        {error !== null && (
          <p id={errorId} role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">Sign in</button>
      </form>
    </>
  );
}
