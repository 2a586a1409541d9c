import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { createSeededRandom } from '../../intents/classifier/seeded-random.js';

const { onnx } = onnxProto;

/**
 * Builds, in pure JS, a tiny model folder shaped like the multilingual sentence encoders Transformers.js
 * loads (XLM-R family: `model_type: xlm-roberta`, a Unigram `tokenizer.json` with Metaspace and `<s> … </s>`):
 *
 *   config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx
 *
 * The ONNX graph is Gather(embedding) → MatMul → Tanh → × attention mask, giving `last_hidden_state`
 * [batch, sequence, HIDDEN]. Weights come from a seeded generator, so the folder is identical on every run;
 * sentences that share syllables share token vectors and therefore get closer mean-pooled embeddings, which is
 * all a test of the loading path needs (shared/notes/vietnamese-nlp.md §7.3). No weights are downloaded.
 */
export const TINY_MODEL_HIDDEN_SIZE = 32;
const EMBEDDING_SIZE = 24;
export const TINY_MODEL_MAX_LENGTH = 64;

/** Syllables that become whole tokens; any other text falls back to single characters. */
const WORDS = `người lao động sử dụng công ty đoàn hợp đồng lương tiền trả chậm nợ tháng ngày năm giờ nghỉ việc làm thêm
ca đêm thai sản sinh con bảo hiểm xã hội y tế thất nghiệp trợ cấp thôi mất hưởng đóng mức tối thiểu vùng điều luật
khoản được không phải có của và cho các theo quy định trong khi thì là một hai ba bốn năm sáu phép hằng tuần lễ tết
an toàn vệ sinh tai nạn bệnh nghề nghiệp quấy rối tình dục đình tranh chấp hòa giải thử đơn phương chấm dứt báo trước
sa thải kỷ xử phạt tỷ lệ gia nhập viên cơ sở hưu trí ốm đau con nuôi khám vợ chồng nữ nam tuổi thời hạn gian`;

const SPECIAL_TOKENS = ['<s>', '<pad>', '</s>', '<unk>'] as const;
const CHARACTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàằầèềìòồờùừỳáắấéếíóốớúứýảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵfjwz0123456789.,?!:;%/-()';

export interface TinyEmbeddingModel {
  /** The model folder (what EMBEDDING_MODEL_PATH points at). */
  modelPath: string;
  vocabularySize: number;
}

/** Writes the model folder under `parentDir` (a fresh temp dir by default) and returns its path. */
export function buildTinyEmbeddingModel(parentDir = mkdtempSync(join(tmpdir(), 'tiny-embed-')), name = 'tiny-xlmr'): TinyEmbeddingModel {
  const modelPath = join(parentDir, name);
  mkdirSync(join(modelPath, 'onnx'), { recursive: true });

  const words = [...new Set(WORDS.split(/\s+/).filter((word) => word !== ''))];
  const vocab: [string, number][] = [
    ...SPECIAL_TOKENS.map((token): [string, number] => [token, 0]),
    ...words.map((word): [string, number] => [`▁${word}`, -5]),
    ['▁', -8],
    ...[...CHARACTERS].map((char): [string, number] => [char, -10]),
  ];
  writeFileSync(join(modelPath, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  writeFileSync(
    join(modelPath, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'XLMRobertaTokenizer',
      model_max_length: TINY_MODEL_MAX_LENGTH,
      bos_token: '<s>',
      eos_token: '</s>',
      cls_token: '<s>',
      sep_token: '</s>',
      pad_token: '<pad>',
      unk_token: '<unk>',
      clean_up_tokenization_spaces: true,
    }),
  );
  writeFileSync(
    join(modelPath, 'config.json'),
    JSON.stringify({
      model_type: 'xlm-roberta',
      architectures: ['XLMRobertaModel'],
      hidden_size: TINY_MODEL_HIDDEN_SIZE,
      vocab_size: vocab.length,
      max_position_embeddings: TINY_MODEL_MAX_LENGTH + 2,
      pad_token_id: 1,
      bos_token_id: 0,
      eos_token_id: 2,
    }),
  );
  writeFileSync(join(modelPath, 'onnx', 'model.onnx'), onnxModel(vocab.length));
  return { modelPath, vocabularySize: vocab.length };
}

function tokenizerJson(vocab: [string, number][]) {
  const special = (id: number, content: string) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const metaspace = { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((token, id) => special(id, token)),
    normalizer: { type: 'Sequence', normalizers: [{ type: 'NFC' }, { type: 'Lowercase' }] },
    pre_tokenizer: metaspace,
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '<s>', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '<s>', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '</s>', type_id: 0 } },
        { SpecialToken: { id: '</s>', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 0 } },
        { SpecialToken: { id: '</s>', type_id: 0 } },
      ],
      special_tokens: {
        '<s>': { id: '<s>', ids: [0], tokens: ['<s>'] },
        '</s>': { id: '</s>', ids: [2], tokens: ['</s>'] },
      },
    },
    decoder: metaspace,
    model: { type: 'Unigram', unk_id: 3, vocab, byte_fallback: false },
  };
}

/** A deterministic pseudo-random stream in [-1, 1), from the NLU's seeded generator. */
function seededRandom(seed: number): () => number {
  const next = createSeededRandom(seed);
  return () => next() * 2 - 1;
}

function floatTensor(name: string, dims: number[], random: () => number, scale: number) {
  const size = dims.reduce((product, dim) => product * dim, 1);
  const values = new Float32Array(size).map(() => random() * scale);
  return { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(values.buffer) };
}

function onnxModel(vocabularySize: number): Uint8Array {
  const random = seededRandom(20_241_123);
  const int64Input = (name: string) => ({
    name,
    type: { tensorType: { elemType: onnx.TensorProto.DataType.INT64, shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }] } } },
  });
  const graph = {
    name: 'tiny_xlmr_encoder',
    input: [int64Input('input_ids'), int64Input('attention_mask')],
    output: [
      {
        name: 'last_hidden_state',
        type: {
          tensorType: {
            elemType: onnx.TensorProto.DataType.FLOAT,
            shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }, { dimValue: TINY_MODEL_HIDDEN_SIZE }] },
          },
        },
      },
    ],
    initializer: [
      floatTensor('embeddings', [vocabularySize, EMBEDDING_SIZE], random, 1),
      floatTensor('projection', [EMBEDDING_SIZE, TINY_MODEL_HIDDEN_SIZE], random, 0.5),
      { name: 'last_axis', dims: [1], dataType: onnx.TensorProto.DataType.INT64, int64Data: [-1] },
    ],
    node: [
      { opType: 'Gather', input: ['embeddings', 'input_ids'], output: ['token_vectors'], attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }] },
      { opType: 'MatMul', input: ['token_vectors', 'projection'], output: ['projected'] },
      { opType: 'Tanh', input: ['projected'], output: ['activated'] },
      { opType: 'Cast', input: ['attention_mask'], output: ['mask_float'], attribute: [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: onnx.TensorProto.DataType.FLOAT }] },
      { opType: 'Unsqueeze', input: ['mask_float', 'last_axis'], output: ['mask_column'] },
      { opType: 'Mul', input: ['activated', 'mask_column'], output: ['last_hidden_state'] },
    ],
  };
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'congdoan-tests',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}
