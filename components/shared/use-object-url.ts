import { useEffect, useMemo } from 'preact/hooks';

/**
 * An object URL for a blob, made in the same render as the blob arrives (so a picture is never one render
 * behind the text beside it), revoked when the blob changes or the component goes away.
 */
export function useObjectUrl(blob: Blob | undefined): string | undefined {
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : undefined), [blob]);
  useEffect(() => () => url && URL.revokeObjectURL(url), [url]);
  return url;
}
