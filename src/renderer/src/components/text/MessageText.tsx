import { Fragment } from 'react';
import { messageParts } from './message-parts';

/** A message for people: backticked commands and names shown as code, never as backticks. */
export function MessageText({ text }: { text: string }) {
  return (
    <>
      {messageParts(text).map((part, index) =>
        part.code ? (
          <code key={index} className="message-code">
            {part.text}
          </code>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
