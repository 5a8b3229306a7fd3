// The preview lives in the stories package, where its dependencies resolve.
export { default } from '../stories/preview';
