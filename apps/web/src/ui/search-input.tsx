import { Input } from 'antd';
import { useEffect, useState } from 'react';

/**
 * A search box for server-side search: the query is sent when the user presses Enter, clicks the
 * search icon, leaves the box or clears it, not on every keystroke.
 */
export function SearchInput({
  value,
  onCommit,
  placeholder,
  width = 240,
}: {
  value: string | undefined;
  onCommit: (value: string) => void;
  placeholder: string;
  width?: number;
}) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = (next: string) => {
    if (next.trim() !== (value ?? '')) onCommit(next.trim());
  };
  return (
    <Input.Search
      value={draft}
      placeholder={placeholder}
      allowClear
      style={{ width }}
      onChange={(e) => {
        setDraft(e.target.value);
        if (e.target.value === '') onCommit('');
      }}
      onBlur={() => commit(draft)}
      onSearch={commit}
    />
  );
}
