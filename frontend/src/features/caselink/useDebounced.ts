import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `millis` (typing a phone number asks the server once, not per key). */
export function useDebounced<T>(value: T, millis: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), millis);
    return () => clearTimeout(timer);
  }, [value, millis]);
  return settled;
}
