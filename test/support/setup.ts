import '../../src/quietSdk';
import 'reflect-metadata';
