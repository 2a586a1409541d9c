// Jest runs each test file in its own VM context, so typed arrays created there are not `instanceof` the
// constructors of the main realm, and onnxruntime-node (used by Transformers.js) rejects them ("A float32
// tensor's data must be type of Float32Array"). Suites that run an ONNX model opt in to this environment with
// a `@jest-environment` docblock: it hands the context the main realm's typed-array constructors.
import NodeEnvironmentModule from 'jest-environment-node';

const NodeEnvironment = NodeEnvironmentModule.TestEnvironment ?? NodeEnvironmentModule.default ?? NodeEnvironmentModule;

const SHARED = [
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Float32Array', 'Float64Array', 'Int8Array', 'Int16Array', 'Int32Array',
  'Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array',
];

export default class SingleRealmEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}
