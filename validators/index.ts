// The rule registry: every rule module, sorted by id. A test keeps it in parity with the folders on disk.
import type { AnyRule } from '../src/rules/types.js';
import { compareCodeUnits } from '../src/util/strings.js';
import classificationBaseConditionalItems from './classification/base-conditional-items/rule.js';
import classificationBaseUnconditional from './classification/base-unconditional/rule.js';
import classificationConditionalScope from './classification/conditional-scope/rule.js';
import classificationOpenConditionWhenClosed from './classification/open-condition-when-closed/rule.js';
import classificationRefusalLegalBasis from './classification/refusal-legal-basis/rule.js';
import classificationRefusedNotOpen from './classification/refused-not-open/rule.js';
import classificationShareMethodFormat from './classification/share-method-format/rule.js';
import classificationShareMethodPlatform from './classification/share-method-platform/rule.js';
import classificationUsageRequirement from './classification/usage-requirement/rule.js';
import codeClassificationFormat from './code/classification-format/rule.js';
import codeFullWidth from './code/full-width/rule.js';
import codePrefixMatchesClassification from './code/prefix-matches-classification/rule.js';
import codeRelatedCodes from './code/related-codes/rule.js';
import codeResourceCodeFormat from './code/resource-code-format/rule.js';
import codeSequenceGaps from './code/sequence-gaps/rule.js';
import codeUnique from './code/unique/rule.js';
import completenessItemDescribed from './completeness/item-described/rule.js';
import completenessPlaceholderValue from './completeness/placeholder-value/rule.js';
import completenessStructuredItems from './completeness/structured-items/rule.js';
import datasetFragmentation from './dataset/fragmentation/rule.js';
import datasetLowVolume from './dataset/low-volume/rule.js';
import datasetStaleUpdate from './dataset/stale-update/rule.js';
import fieldItemNameChinese from './field/item-name-chinese/rule.js';
import fieldPhysicalName from './field/physical-name/rule.js';
import fieldUniqueName from './field/unique-name/rule.js';
import metadataDataTypeLength from './metadata/data-type-length/rule.js';
import metadataDateFormat from './metadata/date-format/rule.js';
import metadataDateValid from './metadata/date-valid/rule.js';
import metadataNumericCode from './metadata/numeric-code/rule.js';
import metadataOrphanItem from './metadata/orphan-item/rule.js';
import metadataProviderCodeCheck from './metadata/provider-code-check/rule.js';
import metadataProviderCodeConsistent from './metadata/provider-code-consistent/rule.js';
import metadataSkippedSheet from './metadata/skipped-sheet/rule.js';
import metadataSummaryInformative from './metadata/summary-informative/rule.js';
import metadataTemplateVersion from './metadata/template-version/rule.js';
import metadataUnknownColumn from './metadata/unknown-column/rule.js';
import metadataVocabulary from './metadata/vocabulary/rule.js';
import metadataVocabularyDiscouraged from './metadata/vocabulary-discouraged/rule.js';
import metadataVocabularySynonym from './metadata/vocabulary-synonym/rule.js';
import namingDocumentNotData from './naming/document-not-data/rule.js';
import namingDuplicateInProvider from './naming/duplicate-in-provider/rule.js';
import namingNoOpenAttribute from './naming/no-open-attribute/rule.js';
import namingNoPunctuation from './naming/no-punctuation/rule.js';
import namingNoRegionPrefix from './naming/no-region-prefix/rule.js';
import namingNoTestName from './naming/no-test-name/rule.js';
import namingNoTimeFragment from './naming/no-time-fragment/rule.js';
import namingProviderName from './naming/provider-name/rule.js';

/** Every rule, sorted by id. */
export const rules: readonly AnyRule[] = [
  classificationBaseConditionalItems,
  classificationBaseUnconditional,
  classificationConditionalScope,
  classificationOpenConditionWhenClosed,
  classificationRefusalLegalBasis,
  classificationRefusedNotOpen,
  classificationShareMethodFormat,
  classificationShareMethodPlatform,
  classificationUsageRequirement,
  codeClassificationFormat,
  codeFullWidth,
  codePrefixMatchesClassification,
  codeRelatedCodes,
  codeResourceCodeFormat,
  codeSequenceGaps,
  codeUnique,
  completenessItemDescribed,
  completenessPlaceholderValue,
  completenessStructuredItems,
  datasetFragmentation,
  datasetLowVolume,
  datasetStaleUpdate,
  fieldItemNameChinese,
  fieldPhysicalName,
  fieldUniqueName,
  metadataDataTypeLength,
  metadataDateFormat,
  metadataDateValid,
  metadataNumericCode,
  metadataOrphanItem,
  metadataProviderCodeCheck,
  metadataProviderCodeConsistent,
  metadataSkippedSheet,
  metadataSummaryInformative,
  metadataTemplateVersion,
  metadataUnknownColumn,
  metadataVocabulary,
  metadataVocabularyDiscouraged,
  metadataVocabularySynonym,
  namingDocumentNotData,
  namingDuplicateInProvider,
  namingNoOpenAttribute,
  namingNoPunctuation,
  namingNoRegionPrefix,
  namingNoTestName,
  namingNoTimeFragment,
  namingProviderName,
].sort((a, b) => compareCodeUnits(a.meta.id, b.meta.id));
