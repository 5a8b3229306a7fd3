/** A fenced code block of a README. */
export interface ReadmeBlock {
  /** The heading it sits under, without its `#`s. */
  heading: string;
  /** What follows the opening fence, e.g. `ts`. */
  language: string;
  code: string;
}

/** Every fenced block of the README at `path`, in order. */
export function readmeBlocks(path: string): ReadmeBlock[];
